package com.javelo.scim.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.port.ResourceQuery;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.filter.FilterParser;
import com.javelo.scim.core.protocol.json.JsonFields;
import com.javelo.scim.core.protocol.paging.PageRequest;
import com.javelo.scim.core.protocol.paging.SortRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns list parameters (query string or a {@code .search} body) into a store query, once. */
final class ListRequests {

    private ListRequests() {}

    record Parsed(ResourceQuery query, PageRequest page) {}

    static Parsed parse(ListParameters parameters, EndpointSettings settings) {
        Filter filter = parameters.filter() == null || parameters.filter().isBlank()
                ? null
                : FilterParser.parse(parameters.filter());
        PageRequest page = PageRequest.of(integer(parameters.startIndex(), "startIndex"),
                integer(parameters.count(), "count"), settings.defaultPageSize(), settings.maxPageSize());
        Optional<SortRequest> sort = SortRequest.of(parameters.sortBy(), parameters.sortOrder());
        ResourceQuery query = new ResourceQuery(filter, sort.map(SortRequest::sortBy).orElse(null),
                sort.map(SortRequest::ascending).orElse(true), page.offset(), page.count());
        return new Parsed(query, page);
    }

    /** Reads a SearchRequest body (RFC 7644 §3.4.3) into the same parameters as a query string. */
    static ListParameters fromSearchRequest(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimErrors.invalidSyntax("a search request must be a JSON object (urn:ietf:params:scim:api:messages:2.0:SearchRequest)");
        }
        return new ListParameters(
                JsonFields.text(body, "filter", "filter"),
                scalar(body, "startIndex"),
                scalar(body, "count"),
                JsonFields.text(body, "sortBy", "sortBy"),
                JsonFields.text(body, "sortOrder", "sortOrder"),
                names(body, "attributes"),
                names(body, "excludedAttributes"));
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
            throw ScimErrors.invalidValue("query parameter '" + parameter + "' must be an integer, got '" + value + "'");
        }
    }
}
