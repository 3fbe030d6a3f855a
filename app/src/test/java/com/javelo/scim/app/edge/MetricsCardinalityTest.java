package com.javelo.scim.app.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.app.e2e.EndToEndTest;
import com.javelo.scim.app.e2e.Http;
import com.javelo.scim.app.e2e.TestServer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The request timer's labels come from fixed sets (known methods else {@code other}, matched route
 * templates else {@code unmatched}, statuses), so junk methods and paths cannot grow
 * {@code /metrics} and the heap without bound.
 */
class MetricsCardinalityTest extends EndToEndTest {

    @Test
    void junkMethodsAndPathsLeaveTheNumberOfTimerSeriesBounded() {
        start(TestServer.Database.H2);
        okta("GET", "/Users", null);
        long before = timerSeries();
        for (int i = 0; i < 500; i++) {
            RawHttp.send(
                    server.port(),
                    "JUNK" + i + " /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        }
        for (int i = 0; i < 500; i++) {
            RawHttp.send(
                    server.port(),
                    "GET /junk/" + i + "/scim/v2/x" + i + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Connection: close\r\n\r\n");
        }
        for (int i = 0; i < 50; i++) {
            Http.send(
                    "GET",
                    server.baseUrl() + "/scim/v2/Users/no-such-id-" + i,
                    null,
                    "Authorization",
                    "Bearer " + token);
        }

        long after = timerSeries();
        // Junk methods add at most (other, unmatched or a template, a status or two), junk paths
        // (GET, unmatched, 404), unknown ids (GET, /scim/v2/Users/{id}, 404): a handful of series.
        assertThat(after - before).isLessThanOrEqualTo(10);
        String metrics = Http.send("GET", server.baseUrl() + "/metrics", null).body();
        assertThat(metrics).doesNotContain("JUNK").doesNotContain("/junk/").doesNotContain("no-such-id");
        assertThat(metrics).contains("method=\"other\"").contains("endpoint=\"unmatched\"");
    }

    private long timerSeries() {
        String metrics = Http.send("GET", server.baseUrl() + "/metrics", null).body();
        return Arrays.stream(metrics.split("\n"))
                .filter(line -> line.startsWith("scim_http_requests_seconds_count{"))
                .count();
    }
}
