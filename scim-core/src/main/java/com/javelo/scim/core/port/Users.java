package com.javelo.scim.core.port;

import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.domain.error.StaleVersion;
import com.javelo.scim.domain.error.UserNameAlreadyTaken;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.resource.ExpectedVersion;
import com.javelo.scim.domain.user.User;
import com.javelo.scim.domain.user.UserProfile;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Outgoing persistence port for a tenant's users. Writes take the events of the change: the store
 * commits the change, its version bump and its events together, also outside a
 * {@link UnitOfWork} (see docs/architecture.md).
 */
public interface Users {

    Optional<User> findById(TenantId tenant, UserId id);

    /**
     * Like {@link #findById}, with the groups the user belongs to (in group creation order) read in
     * the same look-up: a user update answers with them, and they cost no second query.
     */
    Optional<UserWithGroups> findByIdWithGroups(TenantId tenant, UserId id);

    /** Finds by userName, ignoring case (RFC 7643 §4.1). */
    Optional<User> findByUserName(TenantId tenant, String userName);

    /** Finds the users having this email (ignoring case), oldest first. */
    List<User> findByEmail(TenantId tenant, String email);

    /** Users whose manager reference is still pending and whose reference (ignoring case) is one of {@code keys}. */
    List<User> findPendingManagerReferences(TenantId tenant, Collection<String> keys);

    Page<User> query(TenantId tenant, ResourceQuery query);

    /**
     * Like {@link #query}, with each user's groups (in group creation order) read in the same
     * look-up: a filter by userName, the call Okta and Entra make before every push, then costs
     * one query, not one for the users and one for their groups.
     */
    Page<UserWithGroups> queryWithGroups(TenantId tenant, ResourceQuery query);

    /**
     * Revises, in one pass, the stored profiles of the tenant's people who carry attributes under
     * the extension {@code urn} (an object of it among their {@link
     * com.javelo.scim.domain.user.CarriedAttributes}): {@code revision} gives each one's new profile,
     * or the same one to leave it. Not a change the person's identity provider made: no version,
     * no event. Inside a unit of work, the people revised stay locked until it ends; an exception
     * from {@code revision} leaves them as they were when the unit of work rolls back.
     */
    void reviseCarrying(TenantId tenant, String urn, UnaryOperator<UserProfile> revision);

    /** Users whose manager reference is resolved to {@code manager}. */
    List<User> findReportsOf(TenantId tenant, UserId manager);

    /** @return the ids among {@code ids} that name no user of the tenant */
    Set<UserId> missing(TenantId tenant, Set<UserId> ids);

    /** @throws UserNameAlreadyTaken when another user of the tenant has the userName, ignoring case */
    default void insert(User user, List<DomainEvent> events) {
        insert(user, events, EventDetails.none());
    }

    /** Like {@link #insert(User, List)}, recording {@code details} with the events. */
    void insert(User user, List<DomainEvent> events, EventDetails details);

    /**
     * Stores {@code changed}, the new state of {@code current}, if the stored version is still
     * current's. Knowing both lets a store write only what changed (a deactivation leaves the
     * email rows alone).
     *
     * @throws StaleVersion when the stored version is no longer current's
     * @throws UserNameAlreadyTaken when the new userName belongs to another user
     */
    default void update(User current, User changed, List<DomainEvent> events) {
        update(current, changed, events, EventDetails.none());
    }

    /** Like {@link #update(User, User, List)}, recording {@code details} with the events. */
    void update(User current, User changed, List<DomainEvent> events, EventDetails details);

    /**
     * Removes the user from provisioning: it leaves every group, its userName becomes free, and
     * a tombstone keeps what Javelo needs for history (never served).
     */
    default void delete(User user, ExpectedVersion expected, List<DomainEvent> events) {
        delete(user, expected, events, EventDetails.none());
    }

    /** Like {@link #delete(User, ExpectedVersion, List)}, recording {@code details} with the events. */
    void delete(User user, ExpectedVersion expected, List<DomainEvent> events, EventDetails details);
}
