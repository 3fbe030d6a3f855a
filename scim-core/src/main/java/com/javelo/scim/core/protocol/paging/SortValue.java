package com.javelo.scim.core.protocol.paging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A resource's value of the attribute a list is sorted by, typed as the catalogue declares the
 * attribute, as a sorted cursor carries it for its last resource (RFC 9865 with RFC 7644
 * §3.4.2.3). Text is kept as the resource holds it, not folded: each store applies its own sort
 * expression to it (e.g. SQL's {@code lower(?)} against {@code ORDER BY lower(display_name)}), so
 * that the keyset comparison and the order are one expression.
 */
public sealed interface SortValue {

    /** The resource has no value (absent or null): such resources come last in both directions. */
    SortValue ABSENT = new Absent();

    record Absent() implements SortValue {}

    record Text(String value) implements SortValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    record Bool(boolean value) implements SortValue {}

    record Number(BigDecimal value) implements SortValue {
        public Number {
            Objects.requireNonNull(value, "value");
        }
    }

    record DateTime(Instant value) implements SortValue {
        public DateTime {
            Objects.requireNonNull(value, "value");
        }
    }
}
