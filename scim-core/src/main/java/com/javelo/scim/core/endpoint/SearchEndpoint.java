package com.javelo.scim.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.filter.FilterParser;
import com.javelo.scim.core.protocol.filter.FilterPrinter;
import com.javelo.scim.core.protocol.filter.ResourceTypeFilter;
import com.javelo.scim.core.protocol.paging.ListResponses;
import com.javelo.scim.core.protocol.paging.PageRequest;
import com.javelo.scim.core.protocol.schema.ResourceSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * A search from the root, {@code POST /.search} and {@code GET /?filter=…} (RFC 7644 §3.4.2,
 * §3.4.3), across Users and Groups. The filter is narrowed to each type ({@link ResourceTypeFilter}:
 * {@code meta.resourceType eq "User"} selects a type, an attribute a type lacks matches none of it),
 * and the results are the users, then the groups, paged by index over that concatenation: the
 * page is cut from the users' and the groups' own pages, after counting the users.
 * A {@code sortBy} sorts each type's part; {@code cursor} is refused here (one cursor cannot hold
 * a position in two collections).
 */
public final class SearchEndpoint {

    private final UserEndpoint users;
    private final GroupEndpoint groups;
    private final EndpointSettings settings;

    public SearchEndpoint(UserEndpoint users, GroupEndpoint groups, EndpointSettings settings) {
        this.users = users;
        this.groups = groups;
        this.settings = settings;
    }

    /** POST /.search. */
    public ScimResponse searchAll(RequestContext context, JsonNode searchRequest) {
        return list(context, ListRequests.fromSearchRequest(searchRequest));
    }

    /** GET /?filter=… (the query parameters of a list). */
    public ScimResponse list(RequestContext context, ListParameters parameters) {
        if (parameters.cursorPaging()) {
            throw ScimErrors.invalidValue("cursor paging is served by /Users and /Groups; a search from the root"
                    + " pages by startIndex and count.");
        }
        Filter filter = parameters.filter() == null || parameters.filter().isBlank()
                ? null
                : FilterParser.parse(parameters.filter());
        PageRequest page = ListRequests.parse(
                        new ListParameters(null, parameters.startIndex(), parameters.count(), null, null, null, null),
                        settings)
                .page();
        Part userPart = new Part(users, ResourceTypeFilter.narrow(filter, ResourceSchema.USER));
        Part groupPart = new Part(groups, ResourceTypeFilter.narrow(filter, ResourceSchema.GROUP));
        long userTotal = userPart.total(context, parameters);
        long groupTotal = groupPart.total(context, parameters);
        List<JsonNode> resources = new ArrayList<>();
        long start = page.startIndex();
        if (page.count() > 0 && start <= userTotal) {
            int wanted = (int) Math.min(page.count(), userTotal - start + 1);
            userPart.page(context, parameters, start, wanted).forEach(resources::add);
        }
        int remaining = page.count() - resources.size();
        if (remaining > 0 && groupTotal > 0) {
            long groupStart = Math.max(1, start - userTotal);
            groupPart.page(context, parameters, groupStart, remaining).forEach(resources::add);
        }
        return ScimResponse.ok(ListResponses.of(userTotal + groupTotal, page.startIndex(), resources));
    }

    /** One resource type's share of the search. */
    private record Part(ResourceEndpoint endpoint, ResourceTypeFilter.Narrowed filter) {

        long total(RequestContext context, ListParameters parameters) {
            if (filter.matchesNothing()) {
                return 0;
            }
            return endpoint.list(context, parameters(parameters, 1, 0))
                    .body()
                    .get("totalResults")
                    .asLong();
        }

        JsonNode page(RequestContext context, ListParameters parameters, long startIndex, int count) {
            return endpoint.list(context, parameters(parameters, startIndex, count))
                    .body()
                    .get("Resources");
        }

        private ListParameters parameters(ListParameters asked, long startIndex, int count) {
            String text = filter.filter() == null ? null : FilterPrinter.print(filter.filter());
            return new ListParameters(
                    text,
                    Long.toString(startIndex),
                    Integer.toString(count),
                    asked.sortBy(),
                    asked.sortOrder(),
                    asked.attributes(),
                    asked.excludedAttributes());
        }
    }
}
