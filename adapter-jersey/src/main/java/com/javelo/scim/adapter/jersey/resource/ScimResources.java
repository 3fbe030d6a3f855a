package com.javelo.scim.adapter.jersey.resource;

import com.javelo.scim.adapter.jersey.HttpSettings;
import com.javelo.scim.core.ScimApi;
import org.glassfish.jersey.server.ResourceConfig;

/** Registers the SCIM resources, each built once with what it needs. */
public final class ScimResources {

    private ScimResources() {}

    public static void register(ResourceConfig config, ScimApi api, HttpSettings settings) {
        ScimRequests requests = new ScimRequests(settings);
        config.register(new UsersResource(api.users(), requests));
        config.register(new GroupsResource(api.groups(), requests));
        config.register(new ServiceResource(api.discovery(), api.search(), api.bulk(), requests));
        config.register(new EndpointNameCase());
    }
}
