package com.javelo.scim.domain.resource;

import java.time.Instant;
import java.util.Objects;

/** When a resource was created and last changed, and its current version. */
public record ResourceMeta(Instant created, Instant lastModified, Version version) {

    public ResourceMeta {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(version, "version");
    }

    public static ResourceMeta createdAt(Instant now) {
        return new ResourceMeta(now, now, Version.first());
    }

    /** @return the meta after one more change at {@code now}. */
    public ResourceMeta changedAt(Instant now) {
        return new ResourceMeta(created, now, version.next());
    }
}
