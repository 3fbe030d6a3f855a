package com.javelo.scim.domain.user;

import com.javelo.scim.domain.error.InvalidAttributeValue;
import com.javelo.scim.domain.resource.CaseFolding;
import java.util.Objects;

/**
 * A user's unique login name. RFC 7643 §4.1: "case insensitive" and unique per service provider
 * (here: per tenant), so equality ignores case; {@link #value()} keeps the spelling given.
 */
public final class UserName {

    private final String value;
    private final String key;

    private UserName(String value) {
        this.value = value;
        this.key = normalize(value);
    }

    public static UserName of(String value) {
        Objects.requireNonNull(value, "value");
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new InvalidAttributeValue("userName", "userName is required and must not be blank");
        }
        return new UserName(stripped);
    }

    /** @return the comparison key of any user-name-like string (lower case, locale independent). */
    public static String normalize(String value) {
        return CaseFolding.fold(value.strip());
    }

    public String value() {
        return value;
    }

    /** @return the case-folded form that uniqueness and look-ups use. */
    public String key() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserName other && key.equals(other.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
