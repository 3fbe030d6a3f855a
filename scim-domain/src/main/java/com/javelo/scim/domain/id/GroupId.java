package com.javelo.scim.domain.id;

import java.util.Objects;

/** The server-assigned id of a group. */
public record GroupId(String value) {

    public GroupId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("blank group id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
