package com.javelo.scim.domain.event;

import com.javelo.scim.domain.id.GroupId;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Something that happened to a tenant's people or groups. Recorded in the outbox in the same
 * transaction as the change, so other Javelo services can switch over the sealed set:
 *
 * <pre>{@code
 * if (event instanceof DomainEvent.UserDeactivated deactivated) { revokeSessions(deactivated.userId()); }
 * }</pre>
 */
public sealed interface DomainEvent {

    TenantId tenantId();

    Instant occurredAt();

    /** @return a stable name for the event type, e.g. {@code UserDeactivated}. */
    default String type() {
        return getClass().getSimpleName();
    }

    record UserCreated(TenantId tenantId, UserId userId, String userName, Instant occurredAt) implements DomainEvent {}

    /** @param changedAttributes the profile attributes that changed, e.g. {@code name}, {@code emails}, {@code manager} */
    record UserUpdated(TenantId tenantId, UserId userId, Set<String> changedAttributes, Instant occurredAt)
            implements DomainEvent {
        public UserUpdated {
            changedAttributes = Set.copyOf(changedAttributes);
        }
    }

    record UserDeactivated(TenantId tenantId, UserId userId, Instant occurredAt) implements DomainEvent {}

    record UserReactivated(TenantId tenantId, UserId userId, Instant occurredAt) implements DomainEvent {}

    record UserDeleted(TenantId tenantId, UserId userId, String userName, Instant occurredAt) implements DomainEvent {}

    /** A manager reference given as an id, userName or email now points to a known person. */
    record ManagerLinked(TenantId tenantId, UserId userId, UserId managerId, String reference, Instant occurredAt)
            implements DomainEvent {}

    record GroupCreated(TenantId tenantId, GroupId groupId, String displayName, Instant occurredAt)
            implements DomainEvent {}

    record GroupRenamed(
            TenantId tenantId, GroupId groupId, String oldDisplayName, String newDisplayName, Instant occurredAt)
            implements DomainEvent {}

    /** @param changedAttributes attributes other than the name that changed, e.g. {@code externalId} */
    record GroupUpdated(TenantId tenantId, GroupId groupId, Set<String> changedAttributes, Instant occurredAt)
            implements DomainEvent {
        public GroupUpdated {
            changedAttributes = Set.copyOf(changedAttributes);
        }
    }

    record GroupDeleted(TenantId tenantId, GroupId groupId, String displayName, Instant occurredAt)
            implements DomainEvent {}

    /** @param userIds only the users that were not members before */
    record MembersAdded(TenantId tenantId, GroupId groupId, Set<UserId> userIds, Instant occurredAt)
            implements DomainEvent {
        public MembersAdded {
            userIds = Set.copyOf(userIds);
            Objects.requireNonNull(groupId, "groupId");
        }
    }

    /** @param userIds only the users that were members before */
    record MembersRemoved(TenantId tenantId, GroupId groupId, Set<UserId> userIds, Instant occurredAt)
            implements DomainEvent {
        public MembersRemoved {
            userIds = Set.copyOf(userIds);
            Objects.requireNonNull(groupId, "groupId");
        }
    }
}
