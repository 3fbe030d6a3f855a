package com.javelo.scim.core.protocol.paging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.schema.ScimMessages;
import java.util.List;

/**
 * Builds the ListResponse message of RFC 7644 §3.4.2. The counts are JSON numbers (Okta rejects
 * strings) and {@code Resources} is always present, as {@code []} when nothing matched, which is
 * what Okta's and Entra's "test connection" requests expect.
 *
 * <p>For example: {@code ListResponses.of(0, 1, List.of())} is
 * {@code {"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":0,
 * "startIndex":1,"itemsPerPage":0,"Resources":[]}}.
 */
public final class ListResponses {

    private ListResponses() {}

    /**
     * @param totalResults how many resources match in all, not only on this page
     * @param startIndex the 1-based index of the first resource on this page
     * @param resources this page's resources; {@code itemsPerPage} is their number
     */
    public static ObjectNode of(long totalResults, int startIndex, List<? extends JsonNode> resources) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.putArray("schemas").add(ScimMessages.LIST_RESPONSE);
        response.put("totalResults", totalResults);
        response.put("startIndex", startIndex);
        response.put("itemsPerPage", resources.size());
        ArrayNode items = response.putArray("Resources");
        resources.forEach(items::add);
        return response;
    }

    /**
     * A page of cursor paging (RFC 9865 §3): no {@code startIndex}; {@code nextCursor} on every
     * page but the last, its absence being how a client knows it has reached the end.
     *
     * @param nextCursor the cursor of the next page, or {@code null} on the last page
     */
    public static ObjectNode cursorPage(long totalResults, List<? extends JsonNode> resources, String nextCursor) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.putArray("schemas").add(ScimMessages.LIST_RESPONSE);
        response.put("totalResults", totalResults);
        response.put("itemsPerPage", resources.size());
        if (nextCursor != null) {
            response.put("nextCursor", nextCursor);
        }
        ArrayNode items = response.putArray("Resources");
        resources.forEach(items::add);
        return response;
    }

    /** @return the list response for {@code page}, echoing its {@code startIndex}. */
    public static ObjectNode of(long totalResults, PageRequest page, List<? extends JsonNode> resources) {
        return of(totalResults, page.startIndex(), resources);
    }
}
