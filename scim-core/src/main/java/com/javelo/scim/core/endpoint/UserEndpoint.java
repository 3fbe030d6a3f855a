package com.javelo.scim.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.domain.resource.ExpectedVersion;

/** The SCIM protocol for /Users, independent of HTTP: parses, runs the use case, renders. */
public final class UserEndpoint {

    public ScimResponse list(RequestContext context, ListParameters parameters) {
        throw new UnsupportedOperationException("being written");
    }

    /** POST /Users/.search (RFC 7644 §3.4.3). */
    public ScimResponse search(RequestContext context, JsonNode searchRequest) {
        throw new UnsupportedOperationException("being written");
    }

    public ScimResponse get(RequestContext context, String id, AttributeSelection selection) {
        throw new UnsupportedOperationException("being written");
    }

    public ScimResponse create(RequestContext context, JsonNode body, AttributeSelection selection) {
        throw new UnsupportedOperationException("being written");
    }

    public ScimResponse replace(RequestContext context, String id, JsonNode body, ExpectedVersion expected,
            AttributeSelection selection) {
        throw new UnsupportedOperationException("being written");
    }

    public ScimResponse patch(RequestContext context, String id, JsonNode body, ExpectedVersion expected,
            AttributeSelection selection) {
        throw new UnsupportedOperationException("being written");
    }

    public ScimResponse delete(RequestContext context, String id, ExpectedVersion expected) {
        throw new UnsupportedOperationException("being written");
    }
}
