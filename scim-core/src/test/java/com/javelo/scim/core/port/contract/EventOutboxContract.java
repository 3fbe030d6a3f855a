package com.javelo.scim.core.port.contract;

import static com.javelo.scim.core.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.core.port.RecordedEvent;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.resource.Change;
import com.javelo.scim.domain.user.User;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link com.javelo.scim.core.port.EventOutbox} adapter must do. */
public abstract class EventOutboxContract extends ContractFixture {

    @Test
    void eventsAreReadInCommitOrderWithIncreasingPositions() {
        Change<User> created = aUser().in(acme).deactivated().provision(now());
        ports.users().insert(created.after(), created.events());
        Change<User> reactivated = created.after().reactivate(now());
        ports.users().update(created.after(), reactivated.after(), reactivated.events());

        List<RecordedEvent> recorded = ports.outbox().readAfter(0, 10);

        assertThat(recorded)
                .extracting(RecordedEvent::event)
                .containsExactly(
                        created.events().get(0),
                        created.events().get(1),
                        reactivated.events().get(0));
        assertThat(recorded.get(1).position()).isGreaterThan(recorded.get(0).position());
        assertThat(recorded.get(2).position()).isGreaterThan(recorded.get(1).position());
    }

    @Test
    void readingResumesAfterAPositionAndHonoursTheLimit() {
        for (int i = 0; i < 5; i++) {
            Change<User> created = aUser().in(acme).provision(now());
            ports.users().insert(created.after(), created.events());
        }
        List<RecordedEvent> firstTwo = ports.outbox().readAfter(0, 2);

        List<RecordedEvent> rest = ports.outbox().readAfter(firstTwo.get(1).position(), 10);

        assertThat(firstTwo).hasSize(2);
        assertThat(rest)
                .hasSize(3)
                .allSatisfy(event -> assertThat(event.event()).isInstanceOf(DomainEvent.UserCreated.class));
    }
}
