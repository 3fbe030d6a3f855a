package com.javelo.scim.core.protocol.patch;

import java.util.Locale;
import java.util.Optional;

/** The three PATCH operations of RFC 7644 §3.5.2, read case-insensitively (Entra sends {@code Replace}). */
public enum PatchOp {
    ADD,
    REMOVE,
    REPLACE;

    public static Optional<PatchOp> fromWire(String op) {
        for (PatchOp candidate : values()) {
            if (candidate.name().equalsIgnoreCase(op.strip())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
