package com.javelo.scim.app.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.app.e2e.EndToEndTest;
import com.javelo.scim.app.e2e.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 250 sockets that send their requests slowly — 200 a body, 50 their headers, a byte at a time —
 * hold no worker thread: meanwhile another company's requests and {@code /health/live} keep
 * answering within a second, and each slow request is answered 408 (or its connection closed)
 * within the read timeout.
 */
class SlowClientsTest extends EndToEndTest {

    private static final int READ_TIMEOUT_SECONDS = 3;
    private static final int SLOW_BODIES = 200;
    private static final int SLOW_HEADERS = 50;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    @Test
    void slowSendersHoldNoWorkerAndAreCutOffWithinTheReadTimeout() throws Exception {
        start(TestServer.start(
                TestServer.Database.H2,
                Map.of("SCIM_HTTP_READ_TIMEOUT_SECONDS", Integer.toString(READ_TIMEOUT_SECONDS))));
        String slowToken = token;
        String other = admin("POST", "/admin/v1/tenants", "{\"name\":\"Globex " + UUID.randomUUID() + "\"}")
                .json()
                .get("id")
                .asText();
        String otherToken = admin("POST", "/admin/v1/tenants/" + other + "/scim-token", null)
                .json()
                .get("token")
                .asText();

        List<Socket> slow = new ArrayList<>();
        long opened = System.nanoTime();
        try {
            for (int i = 0; i < SLOW_BODIES; i++) {
                Socket socket = connect();
                socket.getOutputStream()
                        .write(("POST /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + slowToken
                                        + "\r\nContent-Type: application/scim+json\r\nContent-Length: 1000\r\n\r\n{")
                                .getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            for (int i = 0; i < SLOW_HEADERS; i++) {
                Socket socket = connect();
                socket.getOutputStream()
                        .write("GET /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            Thread trickle =
                    new Thread(() -> trickle(slow, Duration.ofSeconds(READ_TIMEOUT_SECONDS + 2)), "slow-clients");
            trickle.start();

            // While they trickle: the other company and the health check, each answered within a second.
            List<String> late = new ArrayList<>();
            long until =
                    System.nanoTime() + Duration.ofSeconds(READ_TIMEOUT_SECONDS).toNanos();
            int answered = 0;
            while (System.nanoTime() < until) {
                answered += timed(late, "GET", "/health/live", null, null);
                answered += timed(late, "GET", "/scim/v2/Users?count=1", null, otherToken);
                answered += timed(
                        late,
                        "POST",
                        "/scim/v2/Users",
                        "{\"userName\":\"u" + answered + "@globex.example\"}",
                        otherToken);
                Thread.sleep(100);
            }
            assertThat(late).isEmpty();
            assertThat(answered).isGreaterThanOrEqualTo(30);
            trickle.join();

            // By the read timeout (plus the sweep and some slack), every slow request is answered or cut.
            long elapsed = Duration.ofNanos(System.nanoTime() - opened).toMillis();
            assertThat(elapsed).isLessThan((READ_TIMEOUT_SECONDS + 4) * 1000L);
            List<String> stillOpen = new ArrayList<>();
            int refused408 = 0;
            for (int i = 0; i < slow.size(); i++) {
                String outcome = outcome(slow.get(i));
                if (outcome.equals("open")) {
                    stillOpen.add("slow socket " + i);
                } else if (outcome.startsWith("HTTP/1.1 408")) {
                    refused408++;
                }
            }
            assertThat(stillOpen).isEmpty();
            // Those whose headers were complete are told why.
            assertThat(refused408).isGreaterThan(0);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(500);
        return socket;
    }

    /** One byte on every still-open socket every 250 ms, for a bounded time. */
    private static void trickle(List<Socket> sockets, Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        boolean[] closed = new boolean[sockets.size()];
        while (System.nanoTime() < until) {
            for (int i = 0; i < sockets.size(); i++) {
                if (!closed[i]) {
                    try {
                        sockets.get(i).getOutputStream().write('x');
                    } catch (IOException e) {
                        closed[i] = true;
                    }
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** What the server did with a slow socket: its answer's status line, "closed", or "open". */
    private static String outcome(Socket socket) {
        try {
            socket.setSoTimeout(500);
            InputStream in = socket.getInputStream();
            byte[] start = in.readNBytes(12);
            return start.length == 0 ? "closed" : new String(start, StandardCharsets.US_ASCII);
        } catch (SocketTimeoutException e) {
            return "open";
        } catch (IOException e) {
            return "closed";
        }
    }

    private int timed(List<String> late, String method, String path, String body, String bearer)
            throws InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(5));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            request.header("Content-Type", "application/scim+json");
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            if (millis > 1000 || response.statusCode() >= 300) {
                late.add(method + " " + path + ": " + response.statusCode() + " after " + millis + " ms");
            }
        } catch (IOException e) {
            late.add(method + " " + path + ": " + e + " after "
                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
        }
        return 1;
    }
}
