package com.javelo.scim.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.domain.resource.ExpectedVersion;

/** The protocol operations of one SCIM resource collection (/Users, /Groups). */
public interface ResourceEndpoint {

    ScimResponse list(RequestContext context, ListParameters parameters);

    /** POST {collection}/.search (RFC 7644 §3.4.3). */
    ScimResponse search(RequestContext context, JsonNode searchRequest);

    ScimResponse get(RequestContext context, String id, AttributeSelection selection);

    ScimResponse create(RequestContext context, JsonNode body, AttributeSelection selection);

    ScimResponse replace(
            RequestContext context, String id, JsonNode body, ExpectedVersion expected, AttributeSelection selection);

    ScimResponse patch(
            RequestContext context, String id, JsonNode body, ExpectedVersion expected, AttributeSelection selection);

    ScimResponse delete(RequestContext context, String id, ExpectedVersion expected);
}
