package com.javelo.scim.core.inmemory;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.port.Page;
import com.javelo.scim.core.port.ResourceQuery;
import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.filter.InMemoryFilterEvaluator;
import com.javelo.scim.core.protocol.json.JsonFields;
import com.javelo.scim.core.protocol.paging.KeysetPosition;
import com.javelo.scim.core.protocol.schema.AttributeDefinition;
import com.javelo.scim.core.protocol.schema.AttributePath;
import com.javelo.scim.core.protocol.schema.AttributeType;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.core.protocol.schema.ScimSchemas;
import com.javelo.scim.domain.resource.CaseFolding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Filters, sorts and pages resources in memory through their SCIM JSON, with the same protocol
 * rules as the SQL translation (the contract suite holds both to the same results).
 */
final class InMemoryQueries {

    private InMemoryQueries() {}

    /**
     * @param defaultOrder creation, then id: the order of {@code position}, so that a page after a
     *     position holds what the SQL stores' {@code (created, id) > position} holds
     */
    static <T> Page<T> run(
            List<T> candidates,
            ResourceQuery query,
            Function<T, JsonNode> render,
            Comparator<T> defaultOrder,
            Function<T, KeysetPosition> position) {
        List<T> matching = new ArrayList<>();
        InMemoryFilterEvaluator evaluator = FilterMatching.forUsers(query.custom());
        for (T candidate : candidates) {
            if (query.filter() == null || evaluator.matches(query.filter(), render.apply(candidate))) {
                matching.add(candidate);
            }
        }
        Comparator<T> order = defaultOrder;
        if (query.sortBy() != null) {
            // Absent values last in both directions, as the SQL stores' NULLS LAST.
            Comparator<SortKey> direction = query.ascending() ? Comparator.naturalOrder() : Comparator.reverseOrder();
            Comparator<T> bySort = Comparator.comparing(
                    (T candidate) -> sortKey(render.apply(candidate), query.sortBy(), isDateTime(query)),
                    Comparator.nullsLast(direction));
            order = bySort.thenComparing(defaultOrder);
        }
        matching.sort(order);
        int total = matching.size();
        if (query.after() != null) {
            matching.removeIf(candidate -> {
                KeysetPosition at = position.apply(candidate);
                return !query.after().precedes(at.created(), at.id());
            });
        }
        long from = Math.min(query.offset(), matching.size());
        long to = Math.min(from + query.limit(), matching.size());
        return new Page<>(total, matching.subList((int) from, (int) to));
    }

    static boolean matches(Filter filter, JsonNode resource) {
        return FilterMatching.matches(filter, resource);
    }

    /**
     * A sort value: numbers compare as numbers (a declared integer or decimal), dateTimes as the
     * instants they name (as SQL compares them, whatever offset each was sent with), text ignoring case.
     */
    private record SortKey(java.math.BigDecimal number, Instant instant, String text) implements Comparable<SortKey> {

        @Override
        public int compareTo(SortKey other) {
            if (number != null && other.number != null) {
                return number.compareTo(other.number);
            }
            if (instant != null && other.instant != null) {
                return instant.compareTo(other.instant);
            }
            return text.compareTo(other.text);
        }
    }

    private static boolean isDateTime(ResourceQuery query) {
        AttributePath path = query.sortBy();
        Optional<AttributeDefinition> attribute = path.schemaUrn() != null && CustomSchema.isUrn(path.schemaUrn())
                ? query.custom().attribute(path.attribute())
                : ScimSchemas.USER.attribute(path.attribute());
        if (path.subAttribute() != null) {
            attribute = attribute.flatMap(definition -> definition.subAttribute(path.subAttribute()));
        }
        return attribute
                .map(definition -> definition.type() == AttributeType.DATE_TIME)
                .orElse(false);
    }

    private static SortKey sortKey(JsonNode resource, AttributePath path, boolean dateTime) {
        JsonNode node = resource;
        if (path.schemaUrn() != null) {
            node = JsonFields.field(node, path.schemaUrn()).orElse(node);
        }
        node = JsonFields.field(node, path.attribute()).orElse(null);
        if (node != null && node.isArray()) {
            node = node.size() == 0 ? null : node.get(0);
            if (node != null && path.subAttribute() == null) {
                node = JsonFields.field(node, "value").orElse(null);
            }
        }
        if (node != null && path.subAttribute() != null) {
            node = JsonFields.field(node, path.subAttribute()).orElse(null);
        }
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        return new SortKey(
                node.isNumber() ? node.decimalValue() : null,
                dateTime ? InMemoryFilterEvaluator.parseInstant(node).orElse(null) : null,
                CaseFolding.fold(node.asText()));
    }
}
