package com.javelo.scim.core.port.contract;

import static com.javelo.scim.core.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import com.javelo.scim.core.port.EventConsumer;
import com.javelo.scim.core.port.TenantScope;
import com.javelo.scim.core.port.TokenHash;
import com.javelo.scim.core.protocol.event.AttributeChange;
import com.javelo.scim.core.protocol.event.Cause;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.core.protocol.event.FeedEvent;
import com.javelo.scim.core.protocol.json.ScimJson;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.resource.Change;
import com.javelo.scim.domain.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link com.javelo.scim.core.port.EventFeed} adapter must do. */
public abstract class EventFeedContract extends ContractFixture {

    private static final Cause OKTA = new Cause("req-1", Cause.Client.OKTA, "https://scim.example.com/scim/v2");

    @Test
    void eventsAreReadByTenantInCommitOrderWithWhatWasRecorded() {
        Change<User> created = aUser().in(acme).withUserName("ada@acme.com").provision(now());
        EventDetails details = new EventDetails(
                OKTA,
                EventDetails.Operation.CREATE,
                ScimJson.nodes()
                        .objectNode()
                        .put("id", created.after().id().value())
                        .put("userName", "ada@acme.com"),
                List.of(new AttributeChange("title", TextNode.valueOf("Dev"), TextNode.valueOf("Lead"))),
                true);
        ports.users().insert(created.after(), created.events(), details);
        provisionIn(globex);
        Change<User> deactivated = created.after().deactivate(now());
        ports.users().update(created.after(), deactivated.after(), deactivated.events());
        ports.sequencer().run();

        List<FeedEvent> read = ports.eventFeed().readAfter(TenantScope.of(Set.of(acme)), 0, 10);

        assertThat(read)
                .extracting(FeedEvent::event)
                .containsExactly(created.events().get(0), deactivated.events().get(0));
        assertThat(read.get(1).position()).isGreaterThan(read.get(0).position());
        assertThat(read.get(0).details()).isEqualTo(details);
        assertThat(read.get(1).details()).isEqualTo(EventDetails.none());
        assertThat(ports.eventFeed().readAfter(TenantScope.allTenants(), 0, 10)).hasSize(3);
    }

    @Test
    void readingResumesAfterAPositionAndHonoursTheLimit() {
        for (int i = 0; i < 5; i++) {
            provisionIn(acme);
        }
        ports.sequencer().run();
        List<FeedEvent> firstTwo = ports.eventFeed().readAfter(TenantScope.allTenants(), 0, 2);

        List<FeedEvent> rest = ports.eventFeed()
                .readAfter(TenantScope.allTenants(), firstTwo.get(1).position(), 10);

        assertThat(firstTwo).hasSize(2);
        assertThat(rest).hasSize(3);
        assertThat(rest)
                .extracting(FeedEvent::id)
                .doesNotContainAnyElementsOf(
                        firstTwo.stream().map(FeedEvent::id).toList());
    }

    /**
     * The case a reader that tails by id gets wrong: a transaction writes an event (a lower id)
     * and commits after others. It must still be read, after them, by a reader that only
     * remembers the last position it read.
     */
    @Test
    void anEventWhoseTransactionCommitsLateIsReadAfterTheOthersAndNoneIsSkipped() throws Exception {
        TenantScope scope = TenantScope.of(Set.of(acme));
        Change<User> late = aUser().in(acme).withUserName("late@acme.com").provision(now());
        List<DomainEvent> committedFirst = new ArrayList<>();
        long position = 0;
        List<FeedEvent> read = new ArrayList<>();
        if (ports.overlappingTransactions()) {
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> open =
                    CompletableFuture.runAsync(() -> ports.unitOfWork().inTransaction(() -> {
                        ports.users().insert(late.after(), late.events());
                        written.countDown();
                        await(release);
                        return null;
                    }));
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 3; i++) {
                committedFirst.addAll(provisionIn(acme));
            }
            ports.sequencer().run();
            List<FeedEvent> beforeTheLateCommit = ports.eventFeed().readAfter(scope, position, 100);
            read.addAll(beforeTheLateCommit);
            position = beforeTheLateCommit.get(beforeTheLateCommit.size() - 1).position();
            assertThat(beforeTheLateCommit).extracting(FeedEvent::event).containsExactlyElementsOf(committedFirst);

            release.countDown();
            open.get(10, TimeUnit.SECONDS);
        } else {
            // Writers take turns (in memory, on H2): no transaction can stay open while others commit.
            for (int i = 0; i < 3; i++) {
                committedFirst.addAll(provisionIn(acme));
            }
            ports.users().insert(late.after(), late.events());
        }
        ports.sequencer().run();
        read.addAll(ports.eventFeed().readAfter(scope, position, 100));

        List<DomainEvent> expected = new ArrayList<>(committedFirst);
        expected.addAll(late.events());
        assertThat(read).extracting(FeedEvent::event).containsExactlyElementsOf(expected);
        assertThat(read).extracting(FeedEvent::position).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aConsumerReadsWhatItHasNotAcknowledgedOfItsTenantsOnly() {
        EventConsumer consumer = ports.eventFeed()
                .register("reviews", TenantScope.of(Set.of(acme)), TokenHash.of("token-reviews"), now());
        List<DomainEvent> acmeEvents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            acmeEvents.addAll(provisionIn(acme));
        }
        provisionIn(globex);
        ports.sequencer().run();

        List<FeedEvent> pending = ports.eventFeed().unacknowledged(consumer, 10);
        assertThat(pending).extracting(FeedEvent::event).containsExactlyElementsOf(acmeEvents);

        ports.eventFeed().acknowledge(consumer, List.of(pending.get(1).id()));
        assertThat(ports.eventFeed().unacknowledged(consumer, 10))
                .extracting(FeedEvent::id)
                .containsExactly(pending.get(0).id(), pending.get(2).id());
        assertThat(ports.eventFeed().unacknowledged(consumer, 1))
                .extracting(FeedEvent::id)
                .containsExactly(pending.get(0).id());

        ports.eventFeed()
                .acknowledge(
                        consumer, List.of(pending.get(0).id(), pending.get(2).id(), 987_654L));
        assertThat(ports.eventFeed().unacknowledged(consumer, 10)).isEmpty();
        assertThat(ports.eventFeed().consumers())
                .singleElement()
                .satisfies(listed ->
                        assertThat(listed.position()).isEqualTo(pending.get(2).position()));

        List<DomainEvent> later = provisionIn(acme);
        ports.sequencer().run();
        assertThat(ports.eventFeed().unacknowledged(consumer, 10))
                .extracting(FeedEvent::event)
                .containsExactlyElementsOf(later);
    }

    @Test
    void acknowledgingInOrderWhatWasReadMovesTheConsumerPastItAndPastOtherTenantsEvents() {
        EventConsumer consumer = ports.eventFeed()
                .register("objectives", TenantScope.of(Set.of(acme)), TokenHash.of("token-objectives"), now());
        provisionIn(acme);
        provisionIn(globex);
        provisionIn(acme);
        ports.sequencer().run();
        List<FeedEvent> first = ports.eventFeed().unacknowledged(consumer, 2);
        List<FeedEvent> all = ports.eventFeed().unacknowledged(consumer, 10);

        ports.eventFeed()
                .acknowledge(consumer, first.stream().map(FeedEvent::id).toList());
        assertThat(ports.eventFeed().unacknowledged(consumer, 10))
                .extracting(FeedEvent::id)
                .containsExactlyElementsOf(
                        all.stream().skip(2).map(FeedEvent::id).toList());

        ports.eventFeed()
                .acknowledge(consumer, all.stream().skip(2).map(FeedEvent::id).toList());
        assertThat(ports.eventFeed().unacknowledged(consumer, 10)).isEmpty();
        assertThat(ports.eventFeed().consumers())
                .filteredOn(listed -> listed.id().equals(consumer.id()))
                .singleElement()
                .satisfies(listed -> assertThat(listed.position())
                        .isEqualTo(all.get(all.size() - 1).position()));
    }

    @Test
    void aConsumerIsFoundByItsTokenUntilRevoked() {
        EventConsumer consumer = ports.eventFeed()
                .register("org-chart", TenantScope.allTenants(), TokenHash.of("token-org-chart"), now());

        assertThat(ports.eventFeed().findConsumer(TokenHash.of("token-org-chart")))
                .get()
                .satisfies(found -> {
                    assertThat(found.id()).isEqualTo(consumer.id());
                    assertThat(found.scope()).isEqualTo(TenantScope.allTenants());
                });
        assertThat(ports.eventFeed().findConsumer(TokenHash.of("another"))).isEmpty();

        assertThat(ports.eventFeed().revoke(consumer.id())).isTrue();
        assertThat(ports.eventFeed().findConsumer(TokenHash.of("token-org-chart")))
                .isEmpty();
        assertThat(ports.eventFeed().consumers()).isEmpty();
    }

    @Test
    void purgingDropsOldEventsAndCountsThoseAConsumerHadNotAcknowledged() {
        EventConsumer consumer = ports.eventFeed()
                .register("objectives", TenantScope.of(Set.of(acme)), TokenHash.of("token-objectives"), now());
        List<DomainEvent> old = new ArrayList<>();
        old.addAll(provisionIn(acme));
        old.addAll(provisionIn(acme));
        ports.sequencer().run();
        ports.eventFeed()
                .acknowledge(
                        consumer,
                        List.of(ports.eventFeed()
                                .unacknowledged(consumer, 1)
                                .get(0)
                                .id()));
        Instant cutoff = now();
        List<DomainEvent> recent = provisionIn(acme);
        ports.sequencer().run();

        long lost = ports.eventFeed().purgeOccurredBefore(cutoff);

        assertThat(lost).isEqualTo(1);
        assertThat(ports.eventFeed().readAfter(TenantScope.allTenants(), 0, 10))
                .extracting(FeedEvent::event)
                .containsExactlyElementsOf(recent);
        assertThat(ports.eventFeed().consumers())
                .singleElement()
                .satisfies(listed -> assertThat(listed.expiredUnacknowledged()).isEqualTo(1));
        assertThat(ports.eventFeed().unacknowledged(consumer, 10))
                .extracting(FeedEvent::event)
                .containsExactlyElementsOf(recent);
    }

    private List<DomainEvent> provisionIn(TenantId tenant) {
        Change<User> created = aUser().in(tenant).provision(now());
        ports.users().insert(created.after(), created.events());
        return created.events();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
