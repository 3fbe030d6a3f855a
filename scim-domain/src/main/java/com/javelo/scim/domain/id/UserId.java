package com.javelo.scim.domain.id;

import java.util.Objects;

/** The server-assigned, stable, never reassigned id of a user. */
public record UserId(String value) {

    public UserId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("blank user id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
