package com.javelo.scim.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.paging.ListResponses;
import java.util.ArrayList;
import java.util.List;

/**
 * POST /.search across Users and Groups (RFC 7644 §3.4.3): users first, then groups, paged over
 * the concatenation.
 */
public final class SearchEndpoint {

    private final UserEndpoint users;
    private final GroupEndpoint groups;

    public SearchEndpoint(UserEndpoint users, GroupEndpoint groups) {
        this.users = users;
        this.groups = groups;
    }

    public ScimResponse searchAll(RequestContext context, JsonNode searchRequest) {
        ListParameters parameters = ListRequests.fromSearchRequest(searchRequest);
        if (parameters.cursorPaging()) {
            throw ScimErrors.invalidValue("cursor paging is served by /Users and /Groups; a search from the root"
                    + " pages by startIndex and count.");
        }
        ListParameters everything = new ListParameters(parameters.filter(), "1", "0", null, null,
                parameters.attributes(), parameters.excludedAttributes());
        long userTotal = users.list(context, everything).body().get("totalResults").asLong();
        long groupTotal = groups.list(context, everything).body().get("totalResults").asLong();
        ObjectNode userPage = (ObjectNode) users.list(context, parameters).body();
        int startIndex = userPage.get("startIndex").asInt();
        int wanted = userPage.get("itemsPerPage").asInt();
        List<JsonNode> resources = new ArrayList<>();
        userPage.withArray("Resources").forEach(resources::add);
        int requested = requestedCount(parameters, userPage);
        if (resources.size() < requested) {
            long groupStart = Math.max(1, startIndex - userTotal);
            int remaining = requested - resources.size();
            ListParameters groupPage = new ListParameters(parameters.filter(), Long.toString(groupStart),
                    Integer.toString(remaining), parameters.sortBy(), parameters.sortOrder(),
                    parameters.attributes(), parameters.excludedAttributes());
            ((ArrayNode) groups.list(context, groupPage).body().get("Resources")).forEach(resources::add);
        }
        return ScimResponse.ok(ListResponses.of(userTotal + groupTotal, startIndex, resources.subList(0,
                Math.min(resources.size(), Math.max(wanted, requested)))));
    }

    private static int requestedCount(ListParameters parameters, ObjectNode userPage) {
        if (parameters.count() == null) {
            return Integer.MAX_VALUE;
        }
        return Math.max(userPage.get("itemsPerPage").asInt(), safeParse(parameters.count()));
    }

    private static int safeParse(String count) {
        try {
            return Math.max(0, Integer.parseInt(count.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
