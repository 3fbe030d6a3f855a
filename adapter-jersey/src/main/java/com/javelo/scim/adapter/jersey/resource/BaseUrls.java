package com.javelo.scim.adapter.jersey.resource;

import com.javelo.scim.adapter.jersey.HttpSettings;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.function.UnaryOperator;

/**
 * The absolute base URL of the SCIM API for {@code meta.location} and {@code Location}: the
 * configured public URL, else the request's own, with a trusted proxy's forwarded scheme and host.
 */
public final class BaseUrls {

    private final HttpSettings settings;

    public BaseUrls(HttpSettings settings) {
        this.settings = settings;
    }

    public String of(UriInfo uriInfo, HttpHeaders headers) {
        return of(uriInfo.getBaseUri(), headers::getHeaderString);
    }

    /** @param header a request header's value by name, or null */
    public String of(URI base, UnaryOperator<String> header) {
        if (settings.publicBaseUrl() != null) {
            return settings.publicBaseUrl() + "/scim/v2";
        }
        String scheme = base.getScheme();
        String authority = base.getRawAuthority();
        if (settings.trustForwardedHeaders()) {
            String proto = first(header.apply("X-Forwarded-Proto"));
            String host = first(header.apply("X-Forwarded-Host"));
            if (proto != null && proto.matches("https?")) {
                scheme = proto;
            }
            if (host != null && host.matches("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?")) {
                authority = host;
            }
        }
        String path = base.getRawPath() == null ? "/" : base.getRawPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        return scheme + "://" + authority + path + "scim/v2";
    }

    private static String first(String header) {
        if (header == null) {
            return null;
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).strip();
    }
}
