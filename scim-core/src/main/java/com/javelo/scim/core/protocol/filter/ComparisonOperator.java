package com.javelo.scim.core.protocol.filter;

import java.util.Locale;
import java.util.Optional;

/** The comparison operators of RFC 7644 §3.4.2.2 (matched case-insensitively on the wire). */
public enum ComparisonOperator {
    EQ,
    NE,
    CO,
    SW,
    EW,
    GT,
    GE,
    LT,
    LE;

    public static Optional<ComparisonOperator> fromWire(String token) {
        for (ComparisonOperator op : values()) {
            if (op.name().equalsIgnoreCase(token)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
