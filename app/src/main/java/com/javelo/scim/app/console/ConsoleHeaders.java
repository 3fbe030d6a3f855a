package com.javelo.scim.app.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * What the browser is told about the console's pages and the admin API it calls: run only this
 * origin's scripts and styles (no inline script or style, no framing, no plug-ins), never sniff a
 * type, never send a referrer, and never keep a copy (a page may show a token once).
 */
public final class ConsoleHeaders implements ContainerResponseFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        boolean console = path.startsWith("console");
        if (!console && !path.startsWith("admin")) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("Cache-Control", "no-store");
        if (console) {
            headers.putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.putSingle("X-Frame-Options", "DENY");
        }
    }
}
