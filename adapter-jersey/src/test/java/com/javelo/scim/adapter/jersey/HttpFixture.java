package com.javelo.scim.adapter.jersey;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.ScimApi;
import com.javelo.scim.core.endpoint.EndpointSettings;
import com.javelo.scim.core.inmemory.InMemoryAdapters;
import com.javelo.scim.core.port.IdGenerator;
import com.javelo.scim.core.protocol.json.ScimJson;
import com.javelo.scim.core.usecase.tenant.CreateTenant;
import com.javelo.scim.core.usecase.tenant.IssueApiToken;
import com.javelo.scim.domain.id.TenantId;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.TestProperties;

/**
 * The SCIM API on a real Grizzly server over the in-memory adapters, driven with real HTTP
 * requests (java.net.http), so bytes, headers and encodings are exactly what a client sends.
 */
abstract class HttpFixture extends JerseyTest {

    static final String SCIM = "application/scim+json";
    static final String SCIM_UTF8 = "application/scim+json; charset=utf-8";
    /** What Jersey writes in the Content-Type header (no space before the parameter). */
    static final String SCIM_UTF8_HEADER = "application/scim+json;charset=utf-8";

    protected InMemoryAdapters adapters;
    protected String acmeToken;
    protected String globexToken;
    protected TenantId acme;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Lets a test narrow the body limit, to see 413s. */
    protected long maxBodyBytes() {
        return HttpSettings.DEFAULT_MAX_BODY_BYTES;
    }

    protected ScimApi api(InMemoryAdapters adapters) {
        return ScimApi.wire(
                new ScimApi.ScimPorts(
                        adapters.users(),
                        adapters.groups(),
                        adapters.apiTokens(),
                        adapters.unitOfWork(),
                        IdGenerator.randomUuids(),
                        Clock.systemUTC()),
                EndpointSettings.DEFAULTS);
    }

    @Override
    protected Application configure() {
        forceSet(TestProperties.CONTAINER_PORT, "0");
        adapters = new InMemoryAdapters();
        Clock clock = Clock.systemUTC();
        IssueApiToken issue = new IssueApiToken(adapters.tenants(), adapters.apiTokens(), clock);
        acme = new CreateTenant(adapters.tenants(), clock).execute("Acme").id();
        acmeToken = issue.execute(acme);
        globexToken = issue.execute(
                new CreateTenant(adapters.tenants(), clock).execute("Globex").id());
        ResourceConfig config = ScimApplication.create(api(adapters), new HttpSettings(null, false, maxBodyBytes()));
        return config;
    }

    /** A response with its body parsed when it is JSON. */
    record Answer(int status, Map<String, String> headers, String text) {
        JsonNode json() {
            try {
                return ScimJson.mapper().readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** Sends {@code method path} (relative to /scim/v2) with the given headers (name, value pairs) and body. */
    protected Answer send(String method, String path, String body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create(getBaseUri().toString().replaceAll("/$", "") + "/scim/v2" + path));
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            request.method(
                    method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> flat = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> flat.put(name.toLowerCase(), String.join(",", values)));
            return new Answer(response.statusCode(), flat, response.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** As Okta sends it: bearer token, scim+json both ways. */
    protected Answer okta(String method, String path, String body) {
        return body == null
                ? send(
                        method,
                        path,
                        null,
                        "Authorization",
                        "Bearer " + acmeToken,
                        "Accept",
                        SCIM,
                        "Accept-Charset",
                        "utf-8",
                        "User-Agent",
                        "Okta SCIM Client 1.0.0")
                : send(
                        method,
                        path,
                        body,
                        "Authorization",
                        "Bearer " + acmeToken,
                        "Accept",
                        SCIM,
                        "Accept-Charset",
                        "utf-8",
                        "User-Agent",
                        "Okta SCIM Client 1.0.0",
                        "Content-Type",
                        SCIM_UTF8);
    }

    /** As Entra sends it: bearer token, scim+json bodies, no Accept header. */
    protected Answer entra(String method, String path, String body) {
        return body == null
                ? send(method, path, null, "Authorization", "Bearer " + acmeToken)
                : send(method, path, body, "Authorization", "Bearer " + acmeToken, "Content-Type", SCIM_UTF8);
    }

    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
