package com.javelo.scim.adapter.jersey.resource;

import com.javelo.scim.adapter.jersey.auth.TenantAuthenticated;
import com.javelo.scim.core.endpoint.GroupEndpoint;
import jakarta.ws.rs.Path;

/** {@code /scim/v2/Groups}. */
@Path("scim/v2/Groups")
@TenantAuthenticated
public final class GroupsResource extends ResourceCollection {

    GroupsResource(GroupEndpoint endpoint, ScimRequests requests) {
        super(endpoint, requests);
    }
}
