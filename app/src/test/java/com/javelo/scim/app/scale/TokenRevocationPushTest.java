package com.javelo.scim.app.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.app.e2e.EndToEndTest;
import com.javelo.scim.app.e2e.Http;
import com.javelo.scim.app.e2e.TestServer;
import com.javelo.scim.app.server.ScimServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL schema, each remembering accepted tokens for the default 5 s: a
 * token regenerated or revoked through one stops working on the other within a second, which only
 * the push between them (LISTEN/NOTIFY) can explain.
 */
class TokenRevocationPushTest extends EndToEndTest {

    private ScimServer other;

    @AfterEach
    void stopOther() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void aRegeneratedOrRevokedTokenFailsOnTheOtherInstanceWithinASecond() throws Exception {
        start(TestServer.Database.POSTGRES);
        assertThat(server.settings(0).tokenCacheTtl()).isEqualTo(Duration.ofSeconds(5));
        other = ScimServer.start(server.settings(0));
        String otherBase = "http://127.0.0.1:" + other.port();

        String old = token;
        assertThat(list(otherBase, old))
                .as("accepted, and now remembered, by the other instance")
                .isEqualTo(200);
        String regenerated = issueToken();
        assertThat(millisUntilRefused(otherBase, old))
                .as("ms until the regenerated token fails there")
                .isLessThan(1_000);
        assertThat(list(otherBase, regenerated)).isEqualTo(200);

        assertThat(admin("DELETE", "/admin/v1/tenants/" + tenantId + "/scim-token", null)
                        .status())
                .isIn(200, 204);
        assertThat(millisUntilRefused(otherBase, regenerated))
                .as("ms until the revoked token fails there")
                .isLessThan(1_000);
    }

    private static long millisUntilRefused(String base, String bearer) throws InterruptedException {
        long started = System.nanoTime();
        while (list(base, bearer) != 401) {
            if (System.nanoTime() - started > Duration.ofSeconds(10).toNanos()) {
                throw new AssertionError("the old token still works after 10 s");
            }
            Thread.sleep(10);
        }
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    private static int list(String base, String bearer) {
        return Http.send("GET", base + "/scim/v2/Users?count=1", null, "Authorization", "Bearer " + bearer)
                .status();
    }
}
