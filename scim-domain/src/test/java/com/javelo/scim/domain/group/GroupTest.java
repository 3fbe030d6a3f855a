package com.javelo.scim.domain.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.javelo.scim.domain.error.InvalidAttributeValue;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.id.GroupId;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.resource.Change;
import com.javelo.scim.domain.resource.Version;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private static Group engineering() {
        return Group.create(ACME, new GroupId("g-1"), "Engineering", null, T0).after();
    }

    @Test
    void renamingRecordsTheOldAndNewNames() {
        Change<Group> renamed = engineering().replaceAttributes("R&D", null, T1);

        assertThat(renamed.after().displayName()).isEqualTo("R&D");
        assertThat(renamed.after().meta().version()).isEqualTo(new Version(2));
        assertThat(renamed.events())
                .containsExactly(new DomainEvent.GroupRenamed(ACME, new GroupId("g-1"), "Engineering", "R&D", T1));
    }

    @Test
    void renamingToTheSameNameIsANoOpBecauseOktaResendsIt() {
        assertThat(engineering().replaceAttributes("Engineering", null, T1).isNoOp())
                .isTrue();
    }

    @Test
    void aMembershipChangeRecordsOnlyWhatReallyChanged() {
        Change<Group> changed = engineering().recordMembership(Set.of(new UserId("u1")), Set.of(), T1);

        assertThat(changed.events())
                .containsExactly(new DomainEvent.MembersAdded(ACME, new GroupId("g-1"), Set.of(new UserId("u1")), T1));
        assertThat(changed.after().meta().version()).isEqualTo(new Version(2));
    }

    @Test
    void addingExistingMembersOrRemovingAbsentOnesIsANoOp() {
        assertThat(engineering().recordMembership(Set.of(), Set.of(), T1).isNoOp())
                .isTrue();
    }

    @Test
    void aGroupNeedsADisplayName() {
        assertThatThrownBy(() -> Group.create(ACME, new GroupId("g"), " ", null, T0))
                .isInstanceOf(InvalidAttributeValue.class);
    }
}
