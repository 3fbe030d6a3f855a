package com.javelo.scim.app.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.core.inmemory.InMemoryAdapters;
import com.javelo.scim.core.port.ActivityEntry;
import com.javelo.scim.core.port.ActivityQuery;
import com.javelo.scim.core.port.TokenHash;
import com.javelo.scim.core.port.TokenUse;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.tenant.Tenant;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The recorder's queue, batches, per-minute read counts, token use and drop policy, on a clock of its own. */
class ActivityRecorderTest {

    private static final Instant START = Instant.parse("2026-06-01T10:00:30Z");

    private final InMemoryAdapters store = new InMemoryAdapters();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final TenantId acme = new TenantId("acme");
    private Instant now = START;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final ActivityRecorder recorder = new ActivityRecorder(
            store.activityLog(), store.apiTokens(), metrics, clock, true, Duration.ofDays(30), 1_000);

    private ActivityEntry write(String name) {
        return new ActivityEntry(
                null,
                acme,
                now,
                "Okta SCIM Client 1.0.0",
                "POST",
                "Users",
                null,
                name,
                201,
                null,
                null,
                3,
                "r-" + name);
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfWaiting() {
        for (int i = 0; i < ActivityRecorder.QUEUE_CAPACITY + 7; i++) {
            recorder.record(write("u" + i));
        }

        assertThat(recorder.droppedEntries(acme)).isEqualTo(7);
        assertThat(metrics.counter("scim.activity.dropped").count()).isEqualTo(7);
        recorder.flush(false);
        assertThat(store.activityLog().page(acme, new ActivityQuery(false, 500, null)))
                .hasSize(500);
        recorder.record(write("after"));
        assertThat(recorder.droppedEntries(acme)).isEqualTo(7);
    }

    @Test
    void thePurgeKeepsEachCompanyWithinItsBound() {
        for (int i = 0; i < 1_200; i++) {
            recorder.record(write("u" + i));
        }
        recorder.flush(false);

        assertThat(store.activityLog()
                        .page(acme, new ActivityQuery(false, 500, null))
                        .get(0)
                        .resourceName())
                .isEqualTo("u1199");
        assertThat(store.activityLog().purge(Instant.EPOCH, 1_000)).isZero();
    }

    @Test
    void readsAreWrittenOncePerEndedMinute() {
        recorder.countRead(acme, now);
        recorder.countRead(acme, now);
        recorder.flush(false);
        assertThat(store.activityLog().readsSince(acme, START.minusSeconds(60))).isZero();

        now = now.plusSeconds(60);
        recorder.countRead(acme, now);
        recorder.flush(false);
        assertThat(store.activityLog().readsSince(acme, START.minusSeconds(60))).isEqualTo(2);
        recorder.flush(true);
        assertThat(store.activityLog().readsSince(acme, START.minusSeconds(60))).isEqualTo(3);
    }

    @Test
    void aTokensUseIsWrittenAtOnceThenAtMostOnceAMinute() {
        store.tenants().insert(new Tenant(acme, "Acme", START));
        store.apiTokens().replace(acme, TokenHash.of("t"), START);
        recorder.tokenUsed(acme, now, "Okta SCIM Client 1.0.0");
        recorder.flush(false);
        assertThat(store.apiTokens().current(acme)).contains(new TokenUse(START, START, "Okta SCIM Client 1.0.0"));

        now = now.plusSeconds(10);
        recorder.tokenUsed(acme, now, "Azure AD SCIM Client");
        recorder.flush(false);
        assertThat(store.apiTokens().current(acme).orElseThrow().lastUsedAt()).isEqualTo(START);
        assertThat(recorder.lastUseSeen(acme).orElseThrow().client()).isEqualTo("Azure AD SCIM Client");

        now = now.plusSeconds(60);
        recorder.flush(false);
        assertThat(store.apiTokens().current(acme).orElseThrow().lastClient()).isEqualTo("Azure AD SCIM Client");
    }

    @Test
    void offRecordsNothingButTheTokensUse() {
        ActivityRecorder off = new ActivityRecorder(
                store.activityLog(), store.apiTokens(), metrics, clock, false, Duration.ofDays(30), 1_000);
        off.record(write("x"));
        off.countRead(acme, now);
        off.tokenUsed(acme, now, "Okta");
        off.flush(true);

        assertThat(store.activityLog().page(acme, new ActivityQuery(false, 10, null)))
                .isEmpty();
        assertThat(store.activityLog().readsSince(acme, Instant.EPOCH)).isZero();
        assertThat(off.lastUseSeen(acme)).isPresent();
    }
}
