package com.javelo.scim.adapter.jersey.resource;

import com.javelo.scim.adapter.jersey.auth.TenantAuthenticated;
import com.javelo.scim.core.endpoint.UserEndpoint;
import jakarta.ws.rs.Path;

/** {@code /scim/v2/Users}. */
@Path("scim/v2/Users")
@TenantAuthenticated
public final class UsersResource extends ResourceCollection {

    UsersResource(UserEndpoint endpoint, ScimRequests requests) {
        super(endpoint, requests);
    }
}
