package com.javelo.scim.domain.user;

import com.javelo.scim.domain.error.SelfManagement;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.resource.Change;
import com.javelo.scim.domain.resource.ResourceMeta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A person of a tenant, as provisioned. Immutable: every command returns a {@link Change} with the
 * new state and its events, and the version moves only when something really changed.
 */
public final class User {

    private final UserId id;
    private final TenantId tenantId;
    private final UserProfile profile;
    private final boolean active;
    private final ManagerReference manager;
    private final UserOrigin origin;
    private final ResourceMeta meta;

    private User(
            UserId id,
            TenantId tenantId,
            UserProfile profile,
            boolean active,
            ManagerReference manager,
            UserOrigin origin,
            ResourceMeta meta) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.active = active;
        this.manager = manager;
        this.origin = Objects.requireNonNull(origin, "origin");
        this.meta = Objects.requireNonNull(meta, "meta");
        ManagerPolicy.requireNotSelf(this);
    }

    /** Provisions a new person; the manager reference must already be resolved as far as it can be. */
    public static Change<User> provision(
            TenantId tenantId,
            UserId id,
            UserProfile profile,
            boolean active,
            ManagerReference manager,
            UserOrigin origin,
            Instant now) {
        User user = new User(id, tenantId, profile, active, manager, origin, ResourceMeta.createdAt(now));
        List<DomainEvent> events = new ArrayList<>();
        events.add(new DomainEvent.UserCreated(tenantId, id, profile.userName().value(), now));
        if (!active) {
            events.add(new DomainEvent.UserDeactivated(tenantId, id, now));
        }
        if (manager != null && !manager.isPending()) {
            events.add(new DomainEvent.ManagerLinked(tenantId, id, manager.resolvedId(), manager.value(), now));
        }
        return new Change<>(user, events);
    }

    /** Rebuilds a stored user: bypasses the "new user" events, not the invariants. */
    public static User reconstitute(
            TenantId tenantId,
            UserId id,
            UserProfile profile,
            boolean active,
            ManagerReference manager,
            UserOrigin origin,
            ResourceMeta meta) {
        return new User(id, tenantId, profile, active, manager, origin, meta);
    }

    /**
     * Replaces what the IdP manages: the profile, the active flag and the manager reference. The
     * user's identity (id, origin, created) is kept; unchanged input is a no-op.
     */
    public Change<User> replace(UserProfile newProfile, boolean newActive, ManagerReference newManager, Instant now) {
        Set<String> changed = new LinkedHashSet<>(profile.changedAttributes(newProfile));
        ManagerReference effectiveManager = effectiveManager(newManager);
        boolean managerChanged = !Objects.equals(
                manager == null ? null : manager.value(), effectiveManager == null ? null : effectiveManager.value());
        if (managerChanged) {
            changed.add("manager");
        }
        List<DomainEvent> events = new ArrayList<>();
        if (!changed.isEmpty()) {
            events.add(new DomainEvent.UserUpdated(tenantId, id, changed, now));
        }
        if (active && !newActive) {
            events.add(new DomainEvent.UserDeactivated(tenantId, id, now));
        } else if (!active && newActive) {
            events.add(new DomainEvent.UserReactivated(tenantId, id, now));
        }
        boolean newlyLinked = effectiveManager != null
                && !effectiveManager.isPending()
                && (manager == null || !effectiveManager.resolvedId().equals(manager.resolvedId()));
        if (newlyLinked) {
            events.add(new DomainEvent.ManagerLinked(
                    tenantId, id, effectiveManager.resolvedId(), effectiveManager.value(), now));
        }
        if (events.isEmpty()) {
            return Change.none(this);
        }
        return new Change<>(
                new User(id, tenantId, newProfile, newActive, effectiveManager, origin, meta.changedAt(now)), events);
    }

    /** Deactivates, keeping all of the person's data; deactivating twice is a no-op. */
    public Change<User> deactivate(Instant now) {
        return replace(profile, false, manager, now);
    }

    /** Reactivates the same identity: same id, attributes and memberships. */
    public Change<User> reactivate(Instant now) {
        return replace(profile, true, manager, now);
    }

    /**
     * Links a pending manager reference to the person it names, once that person is known.
     * A reference already resolved, or naming someone else, is left alone.
     */
    public Change<User> linkManager(User managerUser, Instant now) {
        if (manager == null || !manager.isPending() || !ManagerPolicy.refersTo(manager.value(), managerUser)) {
            return Change.none(this);
        }
        ManagerReference linked = manager.resolvedTo(managerUser.id());
        return new Change<>(
                new User(id, tenantId, profile, active, linked, origin, meta.changedAt(now)),
                List.of(new DomainEvent.ManagerLinked(tenantId, id, managerUser.id(), manager.value(), now)));
    }

    /**
     * The person this user's manager reference resolved to was deleted: the reference goes back to
     * pending (same value), so it links again if that person is provisioned anew.
     */
    public Change<User> managerDeleted(UserId managerId, Instant now) {
        if (manager == null || !managerId.equals(manager.resolvedId())) {
            return Change.none(this);
        }
        return new Change<>(
                new User(
                        id,
                        tenantId,
                        profile,
                        active,
                        ManagerReference.pending(manager.value()),
                        origin,
                        meta.changedAt(now)),
                List.of(new DomainEvent.UserUpdated(tenantId, id, Set.of("manager"), now)));
    }

    /** Deletes the user from provisioning (Entra's DELETE); the caller keeps the tombstone. */
    public DomainEvent.UserDeleted delete(Instant now) {
        return new DomainEvent.UserDeleted(tenantId, id, profile.userName().value(), now);
    }

    // A reference re-sent with the same value keeps its resolution: the IdP re-PUTs what it read.
    private ManagerReference effectiveManager(ManagerReference requested) {
        if (requested != null && manager != null && requested.sameValueAs(manager) && requested.isPending()) {
            return new ManagerReference(requested.value(), manager.resolvedId());
        }
        return requested;
    }

    public UserId id() {
        return id;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public UserProfile profile() {
        return profile;
    }

    public UserName userName() {
        return profile.userName();
    }

    public boolean active() {
        return active;
    }

    public Optional<ManagerReference> manager() {
        return Optional.ofNullable(manager);
    }

    public UserOrigin origin() {
        return origin;
    }

    public ResourceMeta meta() {
        return meta;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof User other
                && id.equals(other.id)
                && tenantId.equals(other.tenantId)
                && profile.equals(other.profile)
                && active == other.active
                && Objects.equals(manager, other.manager)
                && origin == other.origin
                && meta.equals(other.meta);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, tenantId, meta.version());
    }

    @Override
    public String toString() {
        return "User[" + id + " in " + tenantId + ", v" + meta.version() + "]";
    }

    /** Raised through {@link ManagerPolicy} when a user would manage themselves. */
    static void selfManaged(String reference) {
        throw new SelfManagement(reference);
    }
}
