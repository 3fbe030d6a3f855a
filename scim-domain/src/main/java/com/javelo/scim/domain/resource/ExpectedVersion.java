package com.javelo.scim.domain.resource;

import com.javelo.scim.domain.error.StaleVersion;
import java.util.Objects;

/** The version a writer expects to change ({@code If-Match}); {@link #any()} when it did not say. */
public final class ExpectedVersion {

    private static final ExpectedVersion ANY = new ExpectedVersion(null);

    private final Version version;

    private ExpectedVersion(Version version) {
        this.version = version;
    }

    public static ExpectedVersion any() {
        return ANY;
    }

    public static ExpectedVersion of(Version version) {
        return new ExpectedVersion(Objects.requireNonNull(version, "version"));
    }

    public boolean isAny() {
        return version == null;
    }

    /** @return whether a resource at {@code current} may be changed by this writer. */
    public boolean admits(Version current) {
        return version == null || version.equals(current);
    }

    /**
     * The one version check of every store and use case.
     *
     * @param id the resource the writer changes
     * @param current its stored version
     * @throws StaleVersion when a writer expecting this version may not change a resource at {@code current}
     */
    public void check(String id, Version current) {
        if (!admits(current)) {
            throw new StaleVersion(id, version.value(), current.value());
        }
    }

    /** @return the expected version; only call when not {@link #isAny()}. */
    public Version version() {
        if (version == null) {
            throw new IllegalStateException("no specific version expected");
        }
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExpectedVersion other && Objects.equals(version, other.version);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(version);
    }

    @Override
    public String toString() {
        return version == null ? "any" : version.toString();
    }
}
