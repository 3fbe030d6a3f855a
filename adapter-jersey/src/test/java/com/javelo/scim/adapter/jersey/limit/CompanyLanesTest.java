package com.javelo.scim.adapter.jersey.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.javelo.scim.domain.id.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CompanyLanesTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final Runnable NOTHING = () -> {};

    private final CompanyLanes lanes = new CompanyLanes(2);

    @Test
    void aCompanyRunsAsManyRequestsAsItHasLanesAndTheOthersWaitInOrder() {
        List<String> suspended = new ArrayList<>();
        assertThat(lanes.enter(ACME, NOTHING, () -> suspended.add("first"))).isTrue();
        assertThat(lanes.enter(ACME, NOTHING, () -> suspended.add("second"))).isTrue();
        Runnable third = () -> {};
        Runnable fourth = () -> {};
        assertThat(lanes.enter(ACME, third, () -> suspended.add("third"))).isFalse();
        assertThat(lanes.enter(ACME, fourth, () -> suspended.add("fourth"))).isFalse();

        assertThat(suspended).as("only the waiting ones are suspended").containsExactly("third", "fourth");
        assertThat(lanes.waiting(ACME)).isEqualTo(2);
        assertThat(lanes.leave(ACME)).as("the first to wait goes next").isSameAs(third);
        assertThat(lanes.leave(ACME)).isSameAs(fourth);
        assertThat(lanes.leave(ACME)).isNull();
        assertThat(lanes.leave(ACME)).isNull();
        assertThat(lanes.enter(ACME, NOTHING, NOTHING))
                .as("both lanes free again")
                .isTrue();
        assertThat(lanes.enter(ACME, NOTHING, NOTHING)).isTrue();
        assertThat(lanes.enter(ACME, NOTHING, NOTHING)).isFalse();
    }

    @Test
    void anotherCompanyHasLanesOfItsOwn() {
        lanes.enter(ACME, NOTHING, NOTHING);
        lanes.enter(ACME, NOTHING, NOTHING);
        lanes.enter(ACME, NOTHING, NOTHING);

        assertThat(lanes.enter(GLOBEX, NOTHING, NOTHING)).isTrue();
        assertThat(lanes.waiting(GLOBEX)).isZero();
    }

    @Test
    void aPlacePassesFromTheRequestThatEndedToTheNextWithoutBeingFreeInBetween() {
        lanes.enter(ACME, NOTHING, NOTHING);
        lanes.enter(ACME, NOTHING, NOTHING);
        Runnable waiting = () -> {};
        lanes.enter(ACME, waiting, NOTHING);

        assertThat(lanes.leave(ACME)).isSameAs(waiting);
        assertThat(lanes.enter(ACME, NOTHING, NOTHING))
                .as("the ended request's place went to the waiting one")
                .isFalse();
    }

    /** Many threads entering and leaving at once: never more running than lanes, and every request runs. */
    @Test
    void underContentionNoMoreThanTheWidthRunsAndNoRequestIsLost() throws Exception {
        CompanyLanes narrow = new CompanyLanes(3);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(2_000);
        ExecutorService workers = Executors.newFixedThreadPool(16);
        try {
            class Request implements Runnable {
                @Override
                public void run() {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    running.decrementAndGet();
                    ran.incrementAndGet();
                    done.countDown();
                    Runnable next = narrow.leave(ACME);
                    if (next != null) {
                        workers.execute(next);
                    }
                }
            }
            for (int i = 0; i < 2_000; i++) {
                Request request = new Request();
                workers.execute(() -> {
                    if (narrow.enter(ACME, request, NOTHING)) {
                        request.run();
                    }
                });
            }
            assertThat(done.await(60, TimeUnit.SECONDS)).as("every request ran").isTrue();
        } finally {
            workers.shutdown();
            assertThat(workers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ran.get()).isEqualTo(2_000);
        assertThat(mostAtOnce.get()).isLessThanOrEqualTo(3);
        assertThat(narrow.waiting(ACME)).isZero();
    }

    @Test
    void aCompanyNeedsAtLeastOneLaneAndALeaveMatchesAnEntry() {
        assertThatThrownBy(() -> new CompanyLanes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lanes.leave(GLOBEX)).isInstanceOf(IllegalStateException.class);
        lanes.enter(ACME, NOTHING, NOTHING);
        lanes.leave(ACME);
        assertThatThrownBy(() -> lanes.leave(ACME)).isInstanceOf(IllegalStateException.class);
    }
}
