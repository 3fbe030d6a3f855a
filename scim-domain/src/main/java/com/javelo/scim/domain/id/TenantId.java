package com.javelo.scim.domain.id;

import java.util.Objects;
import java.util.UUID;

/** Identifies a company; the first parameter of every port method, so no query goes unscoped. */
public record TenantId(String value) {

    public TenantId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("blank tenant id");
        }
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
