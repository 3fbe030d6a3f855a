package com.javelo.scim.adapter.jersey;

import com.javelo.scim.adapter.jersey.auth.BearerAuthenticationFilter;
import com.javelo.scim.adapter.jersey.error.DomainExceptionMapper;
import com.javelo.scim.adapter.jersey.error.FallbackExceptionMapper;
import com.javelo.scim.adapter.jersey.error.ScimExceptionMapper;
import com.javelo.scim.adapter.jersey.error.WebApplicationExceptionMapper;
import com.javelo.scim.adapter.jersey.media.JsonNodeBodyProvider;
import com.javelo.scim.adapter.jersey.resource.ScimResources;
import com.javelo.scim.core.ScimApi;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * Builds the Jersey application for the SCIM API by hand: resources and providers are registered as
 * instances, nothing is scanned, so the whole HTTP surface is readable here. For example:
 *
 * <pre>{@code
 * ResourceConfig config = ScimApplication.create(api, HttpSettings.defaults());
 * GrizzlyHttpServerFactory.createHttpServer(URI.create("http://0.0.0.0:8080/"), config);
 * }</pre>
 */
public final class ScimApplication {

    private ScimApplication() {}

    public static ResourceConfig create(ScimApi api, HttpSettings settings) {
        ResourceConfig config = new ResourceConfig();
        register(config, api, settings);
        return config;
    }

    /** Adds the SCIM API to an existing configuration (the app adds health, metrics and admin beside it). */
    public static void register(ResourceConfig config, ScimApi api, HttpSettings settings) {
        ScimResources.register(config, api, settings);
        config.register(new RequestIdFilter());
        config.register(new HeaderSizeLimit());
        config.register(new BearerAuthenticationFilter(api.authentication()));
        config.register(new JsonNodeBodyProvider(settings.maxBodyBytes()));
        config.register(new ScimExceptionMapper());
        config.register(new DomainExceptionMapper());
        config.register(new WebApplicationExceptionMapper());
        config.register(new FallbackExceptionMapper());
        // Errors are ours to render: never Jersey's HTML or the container's error page.
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        // Everything is registered above by hand: no classpath scanning for auto-discoverable
        // features or META-INF/services providers, which only slows the start (W6).
        config.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
    }
}
