package com.javelo.scim.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * A service registered by the operator to read the event feed (e.g. {@code reviews}), with what
 * the admin list shows of its progress.
 *
 * @param position every event of its scope up to here is acknowledged
 * @param expiredUnacknowledged events purged by retention before it acknowledged them
 */
public record EventConsumer(
        String id, String name, TenantScope scope, Instant createdAt, long position, long expiredUnacknowledged) {
    public EventConsumer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
