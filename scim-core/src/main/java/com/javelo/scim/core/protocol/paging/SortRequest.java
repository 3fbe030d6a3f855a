package com.javelo.scim.core.protocol.paging;

import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.schema.AttributePath;
import com.javelo.scim.core.protocol.schema.AttributePathParser;
import java.util.Objects;
import java.util.Optional;

/**
 * How the client asked a list to be sorted (RFC 7644 §3.4.2.3). The attribute is not checked
 * against a schema here; resolve it with
 * {@link com.javelo.scim.core.protocol.schema.ResourceSchema#canonicalPath} where its spelling
 * matters.
 */
public record SortRequest(AttributePath sortBy, SortOrder sortOrder) {

    public SortRequest {
        Objects.requireNonNull(sortBy, "sortBy");
        Objects.requireNonNull(sortOrder, "sortOrder");
    }

    /**
     * Reads the query parameters. {@code sortOrder} is case-insensitive and defaults to ascending.
     * For example: {@code SortRequest.of("name.familyName", "DESCENDING")}.
     *
     * @param sortBy the {@code sortBy} parameter, or {@code null}
     * @param sortOrder the {@code sortOrder} parameter, or {@code null}
     * @return empty when no {@code sortBy} is given: the server's own stable order applies
     * @throws com.javelo.scim.core.protocol.error.ScimException {@code invalidValue} for an unknown
     *     {@code sortOrder}, {@code invalidPath} for a malformed {@code sortBy}
     */
    public static Optional<SortRequest> of(String sortBy, String sortOrder) {
        SortOrder order = parseOrder(sortOrder);
        if (sortBy == null || sortBy.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new SortRequest(AttributePathParser.parse(sortBy), order));
    }

    public boolean ascending() {
        return sortOrder == SortOrder.ASCENDING;
    }

    private static SortOrder parseOrder(String sortOrder) {
        if (sortOrder == null || sortOrder.isBlank()) {
            return SortOrder.ASCENDING;
        }
        for (SortOrder order : SortOrder.values()) {
            if (order.wireValue().equalsIgnoreCase(sortOrder.trim())) {
                return order;
            }
        }
        throw ScimErrors.invalidValue("sortOrder '" + sortOrder + "' is neither 'ascending' nor 'descending'.");
    }
}
