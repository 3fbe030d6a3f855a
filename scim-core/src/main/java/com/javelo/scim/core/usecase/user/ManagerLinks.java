package com.javelo.scim.core.usecase.user;

import com.javelo.scim.core.port.Users;
import com.javelo.scim.core.protocol.event.Cause;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.core.usecase.EventDetailing;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.resource.Change;
import com.javelo.scim.domain.user.ManagerPolicy;
import com.javelo.scim.domain.user.ManagerReference;
import com.javelo.scim.domain.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Resolves manager references (the manager's id, userName or email, as the IdP sent it) and links
 * the pending ones the moment the person they name is provisioned.
 */
final class ManagerLinks {

    private final Users users;

    ManagerLinks(Users users) {
        this.users = users;
    }

    /** @return the reference, resolved when the person it names is known; null for no manager */
    ManagerReference resolve(TenantId tenant, String value) {
        if (value == null) {
            return null;
        }
        ManagerReference reference = ManagerReference.pending(value);
        return find(tenant, reference.value())
                .map(manager -> reference.resolvedTo(manager.id()))
                .orElse(reference);
    }

    private Optional<User> find(TenantId tenant, String value) {
        Optional<User> byId = users.findById(tenant, new UserId(value));
        if (byId.isPresent()) {
            return byId;
        }
        Optional<User> byUserName = users.findByUserName(tenant, value);
        if (byUserName.isPresent()) {
            return byUserName;
        }
        return users.findByEmail(tenant, value).stream().findFirst();
    }

    /** @return whether some other user's pending reference names {@code manager} */
    boolean anyPendingReferenceTo(User manager) {
        return !waitingFor(manager).isEmpty();
    }

    /** Links every pending reference that names {@code manager}; runs inside the caller's unit of work. */
    void linkPendingReferencesTo(User manager, Instant now, Cause cause) {
        for (User report : waitingFor(manager)) {
            Change<User> linked = report.linkManager(manager, now);
            if (!linked.isNoOp()) {
                users.update(
                        report,
                        linked.after(),
                        linked.events(),
                        EventDetailing.ofUser(cause, EventDetails.Operation.PATCH, report, linked.after(), List.of()));
            }
        }
    }

    /** The users whose pending reference names {@code manager} (nobody manages themselves). */
    private List<User> waitingFor(User manager) {
        return users.findPendingManagerReferences(manager.tenantId(), ManagerPolicy.keysOf(manager)).stream()
                .filter(report -> !report.id().equals(manager.id()))
                .toList();
    }
}
