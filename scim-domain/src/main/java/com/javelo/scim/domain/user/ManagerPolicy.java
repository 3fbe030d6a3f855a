package com.javelo.scim.domain.user;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How a manager reference names a person. The IdP sends the manager's email (Okta's
 * {@code manager.value}) or, per RFC 7643, the manager's id: a reference names a user when it
 * equals the user's id exactly, or the user's userName or one of their emails ignoring case.
 */
public final class ManagerPolicy {

    private ManagerPolicy() {}

    public static boolean refersTo(String reference, User candidate) {
        if (reference.equals(candidate.id().value())) {
            return true;
        }
        String key = reference.strip().toLowerCase(Locale.ROOT);
        if (candidate.userName().key().equals(key)) {
            return true;
        }
        return candidate.profile().emailValues().stream()
                .anyMatch(email -> UserName.normalize(email).equals(key));
    }

    /** @return the look-up keys under which pending references may name this user. */
    public static Set<String> keysOf(User user) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(user.id().value());
        keys.add(user.userName().key());
        user.profile().emailValues().forEach(email -> keys.add(UserName.normalize(email)));
        return keys;
    }

    static void requireNotSelf(User user) {
        user.manager().ifPresent(reference -> {
            boolean resolvedToSelf = user.id().equals(reference.resolvedId());
            if (resolvedToSelf || refersTo(reference.value(), user)) {
                User.selfManaged(reference.value());
            }
        });
    }
}
