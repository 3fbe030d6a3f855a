package com.javelo.scim.domain.tenant;

import com.javelo.scim.domain.id.TenantId;
import java.time.Instant;
import java.util.Objects;

/** A company that provisions its people into Javelo through its identity provider. */
public record Tenant(TenantId id, String name, Instant createdAt) {

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a tenant needs a name");
        }
        name = name.strip();
    }
}
