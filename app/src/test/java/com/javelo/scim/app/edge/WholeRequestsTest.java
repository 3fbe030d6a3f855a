package com.javelo.scim.app.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.app.e2e.EndToEndTest;
import com.javelo.scim.app.e2e.TestServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What gathering bodies before the handler must not break: chunked bodies, bodies sent in pieces,
 * {@code Expect: 100-continue}, and several requests on one kept-alive connection, pipelined; and
 * idle connections still closed after SCIM_HTTP_IDLE_TIMEOUT_SECONDS.
 */
class WholeRequestsTest extends EndToEndTest {

    @Test
    void chunkedPiecewiseContinuedAndPipelinedRequestsAreServed() throws Exception {
        start(TestServer.Database.H2);
        String auth = "Authorization: Bearer " + token + "\r\n";
        String alice = "{\"userName\":\"alice@acme.example\"}";
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            // Shorter than the read timeout: an interim answer that never comes fails the test.
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();

            // A chunked body, in two chunks sent apart.
            out.write(ascii("POST /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth
                    + "Content-Type: application/scim+json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(10) + "\r\n" + alice.substring(0, 10) + "\r\n"));
            out.flush();
            Thread.sleep(200);
            String rest = alice.substring(10);
            out.write(ascii(Integer.toHexString(rest.length()) + "\r\n" + rest + "\r\n0\r\n\r\n"));
            out.flush();
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 201");

            // Expect: 100-continue, the body sent only after the interim answer.
            String bob = "{\"userName\":\"bob@acme.example\"}";
            out.write(ascii("POST /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth
                    + "Content-Type: application/scim+json\r\nExpect: 100-continue\r\nContent-Length: " + bob.length()
                    + "\r\n\r\n"));
            out.flush();
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 100");
            out.write(ascii(bob));
            out.flush();
            String answer = readAnswer(in);
            while (answer.startsWith("HTTP/1.1 100")) {
                answer = readAnswer(in);
            }
            assertThat(answer).startsWith("HTTP/1.1 201");

            // Expect: 100-continue with a chunked body: the interim answer comes before any chunk.
            String carol = "{\"userName\":\"carol@acme.example\"}";
            out.write(
                    ascii(
                            "POST /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth
                                    + "Content-Type: application/scim+json\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n"));
            out.flush();
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 100");
            out.write(ascii(Integer.toHexString(carol.length()) + "\r\n" + carol + "\r\n0\r\n\r\n"));
            out.flush();
            answer = readAnswer(in);
            while (answer.startsWith("HTTP/1.1 100")) {
                answer = readAnswer(in);
            }
            assertThat(answer).startsWith("HTTP/1.1 201");

            // Two requests in one write, then a third: all answered in order on the same connection.
            out.write(ascii("GET /scim/v2/Users?filter=userName%20eq%20%22alice%40acme.example%22 HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\n" + auth + "\r\n"
                    + "GET /scim/v2/Users?filter=userName%20eq%20%22bob%40acme.example%22 HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\n" + auth + "\r\n"));
            out.flush();
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 200").contains("alice@acme.example");
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 200").contains("bob@acme.example");
            out.write(ascii("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
            out.flush();
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void idleConnectionsAreClosedAfterTheIdleTimeout() throws Exception {
        start(TestServer.start(TestServer.Database.H2, Map.of("SCIM_HTTP_IDLE_TIMEOUT_SECONDS", "1")));
        try (Socket silent = new Socket("127.0.0.1", server.port());
                Socket keptAlive = new Socket("127.0.0.1", server.port())) {
            silent.setSoTimeout(5_000);
            keptAlive.setSoTimeout(5_000);
            keptAlive.getOutputStream().write(ascii("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
            assertThat(readAnswer(keptAlive.getInputStream())).startsWith("HTTP/1.1 200");
            long started = System.nanoTime();
            // Both see the end of the stream (read -1) well before their 5 s read timeout.
            assertThat(silent.getInputStream().read()).isEqualTo(-1);
            assertThat(keptAlive.getInputStream().read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** One answer: its head, and its body when it has a Content-Length. */
    private static String readAnswer(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("connection closed after: " + head);
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
