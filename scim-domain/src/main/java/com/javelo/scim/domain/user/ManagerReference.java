package com.javelo.scim.domain.user;

import com.javelo.scim.domain.id.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's manager as the identity provider named it: the manager's id, userName or email
 * ({@link #value()}, returned exactly as given), and the user it resolved to, if known yet. An
 * unresolved reference is pending: it is linked the moment that person is provisioned.
 */
public record ManagerReference(String value, UserId resolvedId) {

    public ManagerReference {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("blank manager reference");
        }
        value = value.strip();
    }

    public static ManagerReference pending(String value) {
        return new ManagerReference(value, null);
    }

    public ManagerReference resolvedTo(UserId managerId) {
        return new ManagerReference(value, managerId);
    }

    public Optional<UserId> resolved() {
        return Optional.ofNullable(resolvedId);
    }

    public boolean isPending() {
        return resolvedId == null;
    }

    /** @return whether both name the same person, the way the IdP wrote it (ignoring case). */
    public boolean sameValueAs(ManagerReference other) {
        return other != null && value.equalsIgnoreCase(other.value);
    }
}
