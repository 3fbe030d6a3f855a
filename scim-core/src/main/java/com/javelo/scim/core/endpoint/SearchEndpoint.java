package com.javelo.scim.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;

/** POST /.search across Users and Groups (RFC 7644 §3.4.3). */
public final class SearchEndpoint {

    public ScimResponse searchAll(RequestContext context, JsonNode searchRequest) {
        throw new UnsupportedOperationException("being written");
    }
}
