package com.javelo.scim.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.port.Page;
import com.javelo.scim.core.port.ResourceQuery;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.filter.FilterParser;
import com.javelo.scim.core.protocol.filter.FilterPrinter;
import com.javelo.scim.core.protocol.json.JsonFields;
import com.javelo.scim.core.protocol.paging.CursorCodec;
import com.javelo.scim.core.protocol.paging.KeysetPosition;
import com.javelo.scim.core.protocol.paging.ListResponses;
import com.javelo.scim.core.protocol.paging.PageRequest;
import com.javelo.scim.core.protocol.paging.SortRequest;
import com.javelo.scim.core.protocol.paging.SortValues;
import com.javelo.scim.domain.id.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Turns list parameters (query string or a {@code .search} body) into a store query, once. */
final class ListRequests {

    private ListRequests() {}

    /**
     * @param cursorQuery for cursor paging (RFC 9865), what the page's cursors are bound to besides
     *     the tenant; {@code null} for index paging
     */
    record Parsed(ResourceQuery query, PageRequest page, String cursorQuery) {

        boolean cursorPaging() {
            return cursorQuery != null;
        }
    }

    /** Parses index paging only (the root search, which pages over two collections by index). */
    static Parsed parse(ListParameters parameters, EndpointSettings settings) {
        Filter filter = filter(parameters);
        PageRequest page = PageRequest.of(
                integer(parameters.startIndex(), "startIndex"),
                integer(parameters.count(), "count"),
                settings.defaultPageSize(),
                settings.maxPageSize());
        Optional<SortRequest> sort = SortRequest.of(parameters.sortBy(), parameters.sortOrder());
        ResourceQuery query = new ResourceQuery(
                filter,
                sort.map(SortRequest::sortBy).orElse(null),
                sort.map(SortRequest::ascending).orElse(true),
                page.offset(),
                page.count());
        return new Parsed(query, page, null);
    }

    /**
     * Parses index or cursor paging. A cursor page asks the store for one resource more than
     * {@code count}: whether it comes back says whether there is a next page, without a count. A
     * sorted cursor page (RFC 9865 asks cursor pages to honour sortBy and sortOrder where the
     * server sorts) starts after the last resource's sort value, then creation and id.
     *
     * @param resourceType the collection ({@code Users}, {@code Groups}): a cursor is bound to it
     */
    static Parsed parse(
            ListParameters parameters,
            EndpointSettings settings,
            CursorCodec cursors,
            TenantId tenant,
            String resourceType) {
        if (!parameters.cursorPaging()) {
            return parse(parameters, settings);
        }
        if (parameters.startIndex() != null && !parameters.startIndex().isBlank()) {
            throw ScimErrors.invalidValue("'cursor' and 'startIndex' cannot be combined: page either by cursor"
                    + " (RFC 9865) or by index (RFC 7644 §3.4.2.4).");
        }
        Filter filter = filter(parameters);
        Integer requested = integer(parameters.count(), "count");
        if (requested != null && requested < 0) {
            throw ScimErrors.invalidCount(
                    "'count' must be between 0 and " + settings.maxPageSize() + ", got " + requested + ".");
        }
        PageRequest page = PageRequest.of(1, requested, settings.defaultPageSize(), settings.maxPageSize());
        Optional<SortRequest> sort = SortRequest.of(parameters.sortBy(), parameters.sortOrder());
        String cursorQuery = resourceType + "\n" + (filter == null ? "" : FilterPrinter.print(filter));
        if (sort.isPresent()) {
            // Bound to the sort too: a position holds a value of this attribute, in this direction.
            cursorQuery += "\nsortBy=" + sort.get().sortBy().toString().toLowerCase(Locale.ROOT) + " "
                    + sort.get().sortOrder().wireValue();
        }
        String cursor = parameters.cursor().strip();
        KeysetPosition after = cursor.isEmpty() ? null : cursors.read(cursor, tenant, cursorQuery);
        int limit = page.totalsOnly() ? 0 : page.count() + 1;
        ResourceQuery query = ResourceQuery.keyset(
                filter,
                sort.map(SortRequest::sortBy).orElse(null),
                sort.map(SortRequest::ascending).orElse(true),
                after,
                limit);
        return new Parsed(query, page, cursorQuery);
    }

    /**
     * @param query the checked query the page answers (its sort attribute resolved)
     * @param place a resource's place in the default order (creation, id)
     * @param json a resource's full SCIM JSON, read for its sort value when the query is sorted
     * @return the place a cursor after a resource holds: with its sort value when sorted
     */
    static <T> Function<T, KeysetPosition> positions(
            ResourceQuery query, Function<T, KeysetPosition> place, Function<T, JsonNode> json) {
        if (query.sortBy() == null) {
            return place;
        }
        return item -> {
            KeysetPosition at = place.apply(item);
            return new KeysetPosition(
                    SortValues.of(json.apply(item), query.sortBy(), query.custom()), at.created(), at.id());
        };
    }

    /**
     * The ListResponse of a page: index paging echoes {@code startIndex}; cursor paging gives
     * {@code nextCursor} when a resource follows the page, and no {@code startIndex} (RFC 9865 §3).
     */
    static <T> ObjectNode listResponse(
            Parsed parsed,
            Page<T> page,
            Function<T, ObjectNode> render,
            Function<T, KeysetPosition> position,
            CursorCodec cursors,
            TenantId tenant) {
        if (!parsed.cursorPaging()) {
            return ListResponses.of(
                    page.totalResults(),
                    parsed.page().startIndex(),
                    page.items().stream().map(render).toList());
        }
        List<T> items = page.items();
        String nextCursor = null;
        if (items.size() > parsed.page().count()) {
            items = items.subList(0, parsed.page().count());
            nextCursor = cursors.issue(tenant, parsed.cursorQuery(), position.apply(items.get(items.size() - 1)));
        }
        return ListResponses.cursorPage(
                page.totalResults(), items.stream().map(render).toList(), nextCursor);
    }

    /** Reads a SearchRequest body (RFC 7644 §3.4.3) into the same parameters as a query string. */
    static ListParameters fromSearchRequest(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimErrors.invalidSyntax(
                    "a search request must be a JSON object (urn:ietf:params:scim:api:messages:2.0:SearchRequest)");
        }
        return new ListParameters(
                JsonFields.text(body, "filter", "filter"),
                scalar(body, "startIndex"),
                scalar(body, "count"),
                JsonFields.text(body, "sortBy", "sortBy"),
                JsonFields.text(body, "sortOrder", "sortOrder"),
                names(body, "attributes"),
                names(body, "excludedAttributes"),
                JsonFields.field(body, "cursor")
                        .filter(node -> !node.isNull())
                        .map(JsonNode::asText)
                        .orElse(null));
    }

    private static Filter filter(ListParameters parameters) {
        return parameters.filter() == null || parameters.filter().isBlank()
                ? null
                : FilterParser.parse(parameters.filter());
    }

    private static String scalar(JsonNode body, String name) {
        return JsonFields.field(body, name).map(JsonNode::asText).orElse(null);
    }

    private static String names(JsonNode body, String name) {
        JsonNode node = JsonFields.field(body, name).orElse(null);
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (!node.isArray()) {
            throw ScimErrors.invalidSyntax("'" + name + "' must be an array of attribute names");
        }
        List<String> values = new ArrayList<>();
        node.forEach(element -> values.add(element.asText()));
        return String.join(",", values);
    }

    private static Integer integer(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ScimErrors.invalidValue(
                    "query parameter '" + parameter + "' must be an integer, got '" + value + "'");
        }
    }
}
