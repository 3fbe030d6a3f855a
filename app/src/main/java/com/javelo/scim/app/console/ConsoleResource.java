package com.javelo.scim.app.console;

import com.javelo.scim.core.protocol.error.ScimErrors;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the company admin's console, {@code /console/}: static files from the jar's
 * {@code console/} folder, by a closed list of names and types (no directory walking, nothing
 * from outside the jar). The page signs in by itself and calls {@code /admin/v1} with a bearer
 * token; see {@link ConsoleHeaders} for what the browser is told to refuse.
 */
@Path("console")
public final class ConsoleResource {

    private static final Pattern FILE = Pattern.compile("[a-z0-9-]+\\.(html|js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html",
            "text/html; charset=utf-8",
            "js",
            "text/javascript; charset=utf-8",
            "css",
            "text/css; charset=utf-8",
            "svg",
            "image/svg+xml");

    /** {@code /console/} is the page; {@code /console} (Jersey matches both here) sends the browser there. */
    @GET
    public Response root(@Context UriInfo uriInfo) {
        if (uriInfo.getPath().endsWith("/")) {
            return file("");
        }
        return Response.seeOther(uriInfo.getBaseUriBuilder().path("console/").build())
                .build();
    }

    @GET
    @Path("{file: .*}")
    public Response file(@PathParam("file") String file) {
        String name = file.isEmpty() ? "index.html" : file;
        Matcher matcher = FILE.matcher(name);
        if (!matcher.matches()) {
            throw ScimErrors.notFound("no console page '" + name + "'; open /console/");
        }
        try (InputStream in = ConsoleResource.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                throw ScimErrors.notFound("no console page '" + name + "'; open /console/");
            }
            return Response.ok(in.readAllBytes(), TYPES.get(matcher.group(1))).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
