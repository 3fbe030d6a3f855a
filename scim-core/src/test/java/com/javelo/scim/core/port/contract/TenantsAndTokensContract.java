package com.javelo.scim.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.core.port.TokenHash;
import com.javelo.scim.core.port.TokenUse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link com.javelo.scim.core.port.Tenants} and {@link com.javelo.scim.core.port.ApiTokens} adapter must do. */
public abstract class TenantsAndTokensContract extends ContractFixture {

    @Test
    void tenantsAreListedAndFound() {
        assertThat(ports.tenants().list()).extracting(tenant -> tenant.name()).contains("Acme", "Globex");
        assertThat(ports.tenants().findById(acme)).isPresent();
    }

    @Test
    void aTokenIdentifiesItsTenant() {
        ports.apiTokens().replace(acme, TokenHash.of("secret-a"), now());
        ports.apiTokens().replace(globex, TokenHash.of("secret-g"), now());

        assertThat(ports.apiTokens().findTenant(TokenHash.of("secret-a"))).contains(acme);
        assertThat(ports.apiTokens().findTenant(TokenHash.of("secret-g"))).contains(globex);
        assertThat(ports.apiTokens().findTenant(TokenHash.of("unknown"))).isEmpty();
    }

    @Test
    void aNewTokenRevokesThePreviousOne() {
        ports.apiTokens().replace(acme, TokenHash.of("old"), now());

        ports.apiTokens().replace(acme, TokenHash.of("new"), now());

        assertThat(ports.apiTokens().findTenant(TokenHash.of("old"))).isEmpty();
        assertThat(ports.apiTokens().findTenant(TokenHash.of("new"))).contains(acme);
    }

    @Test
    void revokingEveryTokenDeactivatesTheIntegration() {
        ports.apiTokens().replace(acme, TokenHash.of("token"), now());
        ports.apiTokens().replace(globex, TokenHash.of("other"), now());

        ports.apiTokens().revokeAll(acme, now());

        assertThat(ports.apiTokens().findTenant(TokenHash.of("token"))).isEmpty();
        assertThat(ports.apiTokens().findTenant(TokenHash.of("other"))).contains(globex);
    }

    @Test
    void parallelReplacementsLeaveExactlyOneActiveToken() throws Exception {
        int parallel = 8;
        ExecutorService threads = Executors.newFixedThreadPool(parallel);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> replacements = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                TokenHash hash = TokenHash.of("parallel-" + i);
                replacements.add(threads.submit(() -> {
                    start.await();
                    ports.apiTokens().replace(acme, hash, now());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> replacement : replacements) {
                replacement.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        long active = IntStream.range(0, parallel)
                .filter(i -> ports.apiTokens()
                        .findTenant(TokenHash.of("parallel-" + i))
                        .isPresent())
                .count();
        assertThat(active)
                .as("active tokens of one tenant after parallel regenerations")
                .isEqualTo(1);

        ports.apiTokens().replace(acme, TokenHash.of("after"), now());
        assertThat(IntStream.range(0, parallel)
                        .filter(i -> ports.apiTokens()
                                .findTenant(TokenHash.of("parallel-" + i))
                                .isPresent()))
                .isEmpty();
        assertThat(ports.apiTokens().findTenant(TokenHash.of("after"))).contains(acme);
    }

    @Test
    void theCurrentTokenSaysWhenItWasIssuedAndLastUsed() {
        java.time.Instant issued = now();
        ports.apiTokens().replace(acme, TokenHash.of("token"), issued);
        assertThat(ports.apiTokens().current(acme)).contains(new TokenUse(issued, null, null));
        assertThat(ports.apiTokens().current(globex)).isEmpty();

        java.time.Instant used = now();
        ports.apiTokens().recordUse(acme, used, "Okta SCIM Client 1.0.0");

        assertThat(ports.apiTokens().current(acme)).contains(new TokenUse(issued, used, "Okta SCIM Client 1.0.0"));
        ports.apiTokens().revokeAll(acme, now());
        assertThat(ports.apiTokens().current(acme)).isEmpty();
    }

    @Test
    void consoleTokensAndScimTokensAreApart() {
        ports.apiTokens().replace(acme, TokenHash.of("scim"), now());
        ports.consoleTokens().replace(acme, TokenHash.of("console"), now());

        assertThat(ports.apiTokens().findTenant(TokenHash.of("console"))).isEmpty();
        assertThat(ports.consoleTokens().findTenant(TokenHash.of("scim"))).isEmpty();
        assertThat(ports.consoleTokens().findTenant(TokenHash.of("console"))).contains(acme);

        ports.apiTokens().replace(acme, TokenHash.of("scim-2"), now());
        ports.consoleTokens().revokeAll(globex, now());
        assertThat(ports.consoleTokens().findTenant(TokenHash.of("console"))).contains(acme);

        ports.consoleTokens().revokeAll(acme, now());
        assertThat(ports.consoleTokens().findTenant(TokenHash.of("console"))).isEmpty();
        assertThat(ports.apiTokens().findTenant(TokenHash.of("scim-2"))).contains(acme);
    }
}
