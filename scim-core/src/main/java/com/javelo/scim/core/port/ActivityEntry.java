package com.javelo.scim.core.port;

import com.javelo.scim.domain.id.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One SCIM request in the activity log: who sent it ({@code client}, the User-Agent), what it
 * asked ({@code method}, {@code resourceType}, {@code resourceId} and the resource's userName or
 * displayName as {@code resourceName}), and how it ended ({@code status}, {@code scimType},
 * {@code detail}). {@code id} is the store's (null before it is stored) and orders the log.
 */
public record ActivityEntry(
        Long id,
        TenantId tenant,
        Instant occurredAt,
        String client,
        String method,
        String resourceType,
        String resourceId,
        String resourceName,
        int status,
        String scimType,
        String detail,
        int durationMillis,
        String requestId) {

    public ActivityEntry {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(method, "method");
    }

    public boolean failed() {
        return status >= 400;
    }

    public ActivityEntry withId(long newId) {
        return new ActivityEntry(
                newId,
                tenant,
                occurredAt,
                client,
                method,
                resourceType,
                resourceId,
                resourceName,
                status,
                scimType,
                detail,
                durationMillis,
                requestId);
    }
}
