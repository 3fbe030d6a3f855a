package com.javelo.scim.domain.resource;

/** A resource's version: incremented by every change, exposed as the ETag. */
public record Version(long value) {

    public Version {
        if (value < 1) {
            throw new IllegalArgumentException("versions start at 1, got " + value);
        }
    }

    public static Version first() {
        return new Version(1);
    }

    public Version next() {
        return new Version(value + 1);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
