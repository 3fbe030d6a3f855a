package com.javelo.scim.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.app.e2e.EndToEndTest;
import com.javelo.scim.app.e2e.Http;
import com.javelo.scim.app.e2e.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Twenty regenerations of one company's token through the admin API at the same moment: every
 * one is answered, and afterwards exactly one token authenticates and the database holds exactly
 * one active token for the company.
 */
class TokenRegenerationRaceTest extends EndToEndTest {

    private static final int PARALLEL = 20;

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void parallelRegenerationsLeaveExactlyOneActiveToken(TestServer.Database database) throws Exception {
        start(database);
        ExecutorService clients = Executors.newFixedThreadPool(PARALLEL);
        List<String> issued = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Http.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                answers.add(clients.submit(() -> {
                    go.await();
                    return admin("POST", "/admin/v1/tenants/" + tenantId + "/scim-token", null);
                }));
            }
            go.countDown();
            for (Future<Http.Answer> answer : answers) {
                Http.Answer regenerated = answer.get(60, TimeUnit.SECONDS);
                assertThat(regenerated.status()).as(regenerated.body()).isEqualTo(201);
                issued.add(regenerated.json().get("token").asText());
            }
        } finally {
            clients.shutdownNow();
        }
        issued.add(token);

        int authenticating = 0;
        for (String candidate : issued) {
            token = candidate;
            int status = okta("GET", "/Users?count=1", null).status();
            assertThat(status).isIn(200, 401);
            authenticating += status == 200 ? 1 : 0;
        }
        assertThat(authenticating).as("tokens that authenticate").isEqualTo(1);

        try (Connection connection = server.connectToDatabase();
                PreparedStatement active = connection.prepareStatement(
                        "SELECT COUNT(*) FROM api_tokens WHERE tenant_id = ? AND revoked_at IS NULL")) {
            active.setString(1, tenantId);
            try (ResultSet count = active.executeQuery()) {
                count.next();
                assertThat(count.getLong(1)).as("active token rows").isEqualTo(1);
            }
        }
    }
}
