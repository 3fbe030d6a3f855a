package com.javelo.scim.app.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.app.e2e.EndToEndTest;
import com.javelo.scim.app.e2e.TestServer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * No spelling of a path reaches a SCIM or admin resource without its token: matrix parameters,
 * doubled slashes, encoded slashes and percent-encoded letters all answer 401, 404 or 405 (a route
 * not served with that method), never a success and never a 500.
 */
class PathSpellingAuthenticationTest extends EndToEndTest {

    private record Route(String method, String path) {}

    private static final String ID = "2819c223-7f76-453a-919d-413861904646";

    private static final List<Route> SCIM_ROUTES = List.of(
            new Route("GET", "/scim/v2/Users"),
            new Route("POST", "/scim/v2/Users"),
            new Route("GET", "/scim/v2/Users/" + ID),
            new Route("PUT", "/scim/v2/Users/" + ID),
            new Route("PATCH", "/scim/v2/Users/" + ID),
            new Route("DELETE", "/scim/v2/Users/" + ID),
            new Route("POST", "/scim/v2/Users/.search"),
            new Route("GET", "/scim/v2/Groups"),
            new Route("POST", "/scim/v2/Groups"),
            new Route("GET", "/scim/v2/Groups/" + ID),
            new Route("PUT", "/scim/v2/Groups/" + ID),
            new Route("PATCH", "/scim/v2/Groups/" + ID),
            new Route("DELETE", "/scim/v2/Groups/" + ID),
            new Route("POST", "/scim/v2/Groups/.search"),
            new Route("POST", "/scim/v2/.search"),
            new Route("POST", "/scim/v2/Bulk"),
            new Route("GET", "/scim/v2"),
            new Route("GET", "/scim/v2/ServiceProviderConfig"),
            new Route("GET", "/scim/v2/serviceConfiguration"),
            new Route("GET", "/scim/v2/ResourceTypes"),
            new Route("GET", "/scim/v2/ResourceTypes/User"),
            new Route("GET", "/scim/v2/Schemas"),
            new Route("GET", "/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User"));

    private static final List<Route> ADMIN_ROUTES = List.of(
            new Route("GET", "/admin/v1/tenants"),
            new Route("POST", "/admin/v1/tenants"),
            new Route("POST", "/admin/v1/tenants/" + ID + "/scim-token"),
            new Route("DELETE", "/admin/v1/tenants/" + ID + "/scim-token"),
            new Route("POST", "/admin/v1/tenants/" + ID + "/users"),
            new Route("GET", "/admin/v1/tenants/" + ID + "/users"),
            new Route("POST", "/admin/v1/tenants/" + ID + "/imports"));

    /** The path as sent, and every respelling of it that a lenient parser might take for the same route. */
    static Set<String> spellings(String path) {
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(path);
        String[] segments = path.substring(1).split("/");
        for (int i = 0; i < segments.length; i++) {
            spellings.add(replaceSegment(segments, i, segments[i] + ";x"));
            spellings.add(replaceSegment(segments, i, "/" + segments[i]));
            spellings.add(replaceSegment(
                    segments, i, "%" + Integer.toHexString(segments[i].charAt(0)) + segments[i].substring(1)));
            if (i + 1 < segments.length) {
                spellings.add(replaceSegment(segments, i, segments[i] + "%2F" + segments[i + 1])
                        .replace("%2F" + segments[i + 1] + "/" + segments[i + 1], "%2F" + segments[i + 1]));
                spellings.add(replaceSegment(segments, i, segments[i] + "%2f" + segments[i + 1])
                        .replace("%2f" + segments[i + 1] + "/" + segments[i + 1], "%2f" + segments[i + 1]));
            }
        }
        spellings.add(path + "/");
        spellings.add(path.replace("/scim/v2/", "/scim/v2/./"));
        spellings.add(path.replace("/v2/", "/v2/x/../"));
        return spellings;
    }

    private static String replaceSegment(String[] segments, int index, String replacement) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            path.append('/').append(i == index ? replacement : segments[i]);
        }
        return path.toString();
    }

    @Test
    void everySpellingOfEveryScimRouteNeedsTheToken() {
        start(TestServer.Database.H2);
        List<String> problems = probe(SCIM_ROUTES, "");
        problems.addAll(probe(SCIM_ROUTES, "Authorization: Bearer not-a-token\r\n"));
        assertThat(problems).isEmpty();
    }

    @Test
    void everySpellingOfEveryAdminRouteNeedsTheAdminToken() {
        start(TestServer.Database.H2);
        List<String> problems = probe(ADMIN_ROUTES, "");
        problems.addAll(probe(ADMIN_ROUTES, "Authorization: Bearer " + token + "\r\n"));
        assertThat(problems).isEmpty();
    }

    private List<String> probe(List<Route> routes, String authorization) {
        List<String> problems = new ArrayList<>();
        int requests = 0;
        for (Route route : routes) {
            for (String path : spellings(route.path())) {
                String body = route.method().equals("POST")
                                || route.method().equals("PUT")
                                || route.method().equals("PATCH")
                        ? "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"x@acme.example\","
                                + "\"displayName\":\"x\",\"name\":\"x\",\"Operations\":[]}"
                        : "";
                String request = route.method() + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + authorization
                        + (body.isEmpty()
                                ? ""
                                : "Content-Type: application/scim+json\r\nContent-Length: " + body.length() + "\r\n")
                        + "Connection: close\r\n\r\n" + body;
                RawHttp.Answer answer = RawHttp.send(server.port(), request);
                requests++;
                if (answer.status() != 401 && answer.status() != 404 && answer.status() != 405) {
                    problems.add(route.method() + " " + path + " answered " + answer.status() + ": " + answer.body());
                }
            }
        }
        assertThat(requests).isGreaterThan(routes.size() * 10);
        return problems;
    }
}
