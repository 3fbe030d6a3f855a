package com.javelo.scim.domain.group;

import com.javelo.scim.domain.error.InvalidAttributeValue;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.id.GroupId;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.resource.Change;
import com.javelo.scim.domain.resource.ResourceMeta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A group of a tenant's users. The aggregate holds the group's own attributes only: memberships
 * can be 100,000 strong, so they change as set operations in the store, and the group records the
 * outcome ({@link #recordMembership}) to bump its version and raise the events.
 */
public final class Group {

    private final GroupId id;
    private final TenantId tenantId;
    private final String displayName;
    private final String externalId;
    private final ResourceMeta meta;

    private Group(GroupId id, TenantId tenantId, String displayName, String externalId, ResourceMeta meta) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.displayName = requireDisplayName(displayName);
        this.externalId = externalId;
        this.meta = Objects.requireNonNull(meta, "meta");
    }

    public static Change<Group> create(
            TenantId tenantId, GroupId id, String displayName, String externalId, Instant now) {
        Group group = new Group(id, tenantId, displayName, externalId, ResourceMeta.createdAt(now));
        return new Change<>(group, List.of(new DomainEvent.GroupCreated(tenantId, id, group.displayName, now)));
    }

    public static Group reconstitute(
            TenantId tenantId, GroupId id, String displayName, String externalId, ResourceMeta meta) {
        return new Group(id, tenantId, displayName, externalId, meta);
    }

    /**
     * Replaces the group's own attributes. Okta re-sends the unchanged name around every
     * membership change, so an unchanged name is a no-op.
     */
    public Change<Group> replaceAttributes(String newDisplayName, String newExternalId, Instant now) {
        String name = requireDisplayName(newDisplayName);
        boolean renamed = !name.equals(displayName);
        boolean externalIdChanged = !Objects.equals(externalId, newExternalId);
        if (!renamed && !externalIdChanged) {
            return Change.none(this);
        }
        List<DomainEvent> events = new ArrayList<>();
        if (renamed) {
            events.add(new DomainEvent.GroupRenamed(tenantId, id, displayName, name, now));
        }
        if (externalIdChanged) {
            events.add(new DomainEvent.GroupUpdated(tenantId, id, Set.of("externalId"), now));
        }
        return new Change<>(new Group(id, tenantId, name, newExternalId, meta.changedAt(now)), events);
    }

    /**
     * Records what a membership change actually did (only ids that were really added or removed),
     * moving the version once; an empty outcome is a no-op.
     */
    public Change<Group> recordMembership(Set<UserId> added, Set<UserId> removed, Instant now) {
        List<DomainEvent> events = new ArrayList<>();
        if (!added.isEmpty()) {
            events.add(new DomainEvent.MembersAdded(tenantId, id, added, now));
        }
        if (!removed.isEmpty()) {
            events.add(new DomainEvent.MembersRemoved(tenantId, id, removed, now));
        }
        if (events.isEmpty()) {
            return Change.none(this);
        }
        return new Change<>(new Group(id, tenantId, displayName, externalId, meta.changedAt(now)), events);
    }

    public DomainEvent.GroupDeleted delete(Instant now) {
        return new DomainEvent.GroupDeleted(tenantId, id, displayName, now);
    }

    private static String requireDisplayName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidAttributeValue("displayName", "displayName is required and must not be blank");
        }
        return name;
    }

    public GroupId id() {
        return id;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public String displayName() {
        return displayName;
    }

    public String externalId() {
        return externalId;
    }

    public ResourceMeta meta() {
        return meta;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Group other
                && id.equals(other.id)
                && tenantId.equals(other.tenantId)
                && displayName.equals(other.displayName)
                && Objects.equals(externalId, other.externalId)
                && meta.equals(other.meta);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, tenantId, meta.version());
    }

    @Override
    public String toString() {
        return "Group[" + id + " in " + tenantId + ", v" + meta.version() + "]";
    }
}
