package com.javelo.scim.core;

import com.javelo.scim.core.endpoint.DiscoveryEndpoint;
import com.javelo.scim.core.endpoint.GroupEndpoint;
import com.javelo.scim.core.endpoint.SearchEndpoint;
import com.javelo.scim.core.endpoint.UserEndpoint;
import com.javelo.scim.core.usecase.tenant.AuthenticateTenant;

/** Everything an HTTP adapter needs to serve SCIM, wired once by the application. */
public record ScimApi(
        UserEndpoint users,
        GroupEndpoint groups,
        SearchEndpoint search,
        DiscoveryEndpoint discovery,
        AuthenticateTenant authentication) {}
