package com.javelo.scim.app.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.app.e2e.EndToEndTest;
import com.javelo.scim.app.e2e.Http;
import com.javelo.scim.app.e2e.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests the HTTP server itself must refuse — URIs that are not URIs, oversized headers,
 * ambiguous framing, bodies over the limit, broken or unfinished HTTP — are answered as SCIM errors with the
 * right status: never Grizzly's HTML page, a stack trace, or the server's name and version.
 * Sent byte for byte, as Java's HttpClient refuses to send them.
 */
class MalformedRequestsTest extends EndToEndTest {

    private record Case(String name, byte[] request, int status) {}

    @Test
    void everyRequestTheServerRefusesItselfIsAScimError() {
        start(TestServer.start(TestServer.Database.H2, Map.of("SCIM_HTTP_READ_TIMEOUT_SECONDS", "1")));
        String before = okta("GET", "/Users", null).body();
        String auth = "Authorization: Bearer " + token + "\r\n";
        List<Case> cases = new ArrayList<>();
        for (String path :
                List.of("/%zz", "/scim/v2/Users/%zz", "/scim/v2/Users?filter=%zz", "/scim/v2/Users/%", "/%2")) {
            cases.add(new Case("bad escape " + path, get(path, auth), 400));
        }
        // Visible ASCII that a URI still may not hold raw: refused when Jersey cannot build the URI.
        cases.add(new Case("raw quote in path", get("/scim/v2/Users/a\"b", auth), 400));
        cases.add(new Case("raw quotes in filter", get("/scim/v2/Users?filter=userName%20eq%20\"x\"", auth), 400));
        cases.add(new Case("raw brace in path", get("/scim/v2/Users/{id}", auth), 400));
        cases.add(new Case("NUL in path", get("/scim/v2/Us\0ers", auth), 400));
        cases.add(new Case("NUL at root", get("/a\0b", ""), 400));
        cases.add(new Case("NUL in query", get("/scim/v2/Users?filter=\0", auth), 400));
        cases.add(new Case("raw UTF-8 in path", get("/scim/v2/Users/café", auth), 400));
        cases.add(new Case("raw UTF-8 at root", get("/é", ""), 400));
        cases.add(new Case("raw UTF-8 in query", get("/scim/v2/Users?filter=userName%20eq%20%22é%22", auth), 400));
        cases.add(new Case(
                "invalid UTF-8 bytes",
                concat(
                        ascii("GET /scim/v2/Users/"),
                        new byte[] {(byte) 0xff, (byte) 0xfe},
                        ascii(" HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "Connection: close\r\n\r\n")),
                400));
        // Grizzly splits the request line at a space or tab, so the rest reads as an unknown version.
        cases.add(new Case("space in path", get("/scim/v2/Us ers", auth), 505));
        cases.add(new Case(
                "host header that makes no URI",
                ascii("GET /scim/v2/Users HTTP/1.1\r\nHost: a b\r\n" + auth + "Connection: close\r\n\r\n"),
                400));
        cases.add(new Case(
                "header of 30 KiB",
                ascii("GET /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "X-Big: " + "a".repeat(30 * 1024)
                        + "\r\nConnection: close\r\n\r\n"),
                431));
        cases.add(new Case(
                "header of 300 KiB",
                ascii("GET /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "X-Big: " + "a".repeat(300 * 1024)
                        + "\r\nConnection: close\r\n\r\n"),
                431));
        String user = "{\"userName\":\"smuggled@acme.example\"}";
        cases.add(new Case(
                "Content-Length then Transfer-Encoding",
                ascii("POST /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + auth + "Content-Type: application/scim+json\r\nContent-Length: " + user.length()
                        + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunked(user)),
                400));
        cases.add(new Case(
                "Transfer-Encoding then Content-Length",
                ascii("POST /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + auth
                        + "Content-Type: application/scim+json\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n"
                        + "Connection: close\r\n\r\n" + chunked(user)),
                400));
        cases.add(new Case(
                "declared body over the limit",
                ascii(
                        "POST /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth
                                + "Content-Type: application/scim+json\r\nContent-Length: 5000000\r\nConnection: close\r\n\r\n{"),
                413));
        cases.add(new Case(
                "chunked body over the limit",
                ascii("POST /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth
                        + "Content-Type: application/scim+json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                        + chunked("{\"userName\":\"" + "a".repeat(1100 * 1024) + "\"}")),
                413));
        cases.add(new Case(
                "broken chunk size",
                ascii(
                        "POST /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth
                                + "Content-Type: application/scim+json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n\r\n"),
                400));
        // Grizzly's parser waits for more of these; the read deadline answers them.
        cases.add(new Case(
                "header line without a colon",
                ascii("GET /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "Bad Header\r\n\r\n"),
                408));
        cases.add(new Case("no request line", ascii("GARBAGE\r\n\r\n"), 408));
        cases.add(new Case(
                "unknown HTTP version",
                ascii("GET /scim/v2/Users HTTP/9.9\r\nHost: 127.0.0.1\r\n" + auth + "Connection: close\r\n\r\n"),
                505));

        List<String> problems = new ArrayList<>();
        for (Case bad : cases) {
            RawHttp.Answer answer = RawHttp.send(server.port(), bad.request());
            String text = answer.headers() + " " + answer.body();
            if (answer.status() != bad.status()) {
                problems.add(bad.name() + ": " + answer.status() + " instead of " + bad.status() + " " + answer.body());
            }
            if (answer.header("Content-Type") == null
                    || !answer.header("Content-Type").startsWith("application/scim+json")
                    || !answer.body().contains("urn:ietf:params:scim:api:messages:2.0:Error")
                    || !answer.body().contains("\"status\":\"" + answer.status() + "\"")) {
                problems.add(bad.name() + ": not a SCIM error: " + text);
            }
            if (answer.header("Server") != null
                    || answer.header("X-Powered-By") != null
                    || text.contains("Grizzly")
                    || text.contains("<html")
                    || text.contains("Exception")
                    || text.contains("\tat ")
                    || text.matches("(?s).*\\b[0-9]+\\.[0-9]+\\.[0-9]+\\b.*")) {
                problems.add(bad.name() + ": reveals the server: " + text);
            }
        }

        assertThat(problems).isEmpty();
        assertThat(okta("GET", "/Users", null).body()).isEqualTo(before);
        assertThat(Http.send("GET", server.baseUrl() + "/health/live", null).status())
                .isEqualTo(200);
    }

    private static byte[] get(String path, String auth) {
        return concat(
                ascii("GET "),
                path.getBytes(StandardCharsets.UTF_8),
                ascii(" HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "Connection: close\r\n\r\n"));
    }

    private static String chunked(String body) {
        return Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
