package com.javelo.scim.app.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.adapter.jersey.auth.BearerAuthenticationFilter;
import com.javelo.scim.adapter.jersey.auth.TenantAuthenticated;
import com.javelo.scim.adapter.jersey.limit.CompanyLanes;
import com.javelo.scim.adapter.jersey.limit.TenantRateLimiter;
import com.javelo.scim.adapter.jersey.media.JsonNodeBodyProvider;
import com.javelo.scim.app.activity.ActivityRecorder;
import com.javelo.scim.app.assembly.CountedApiTokens;
import com.javelo.scim.core.inmemory.InMemoryAdapters;
import com.javelo.scim.core.port.TokenHash;
import com.javelo.scim.core.usecase.tenant.AuthenticateTenant;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.tenant.Tenant;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The company's rate limit and lanes in front of a handler of the test's own: a request's token is
 * looked up once, and a request that waited for its company's turn is answered even when the
 * handler fails before answering.
 */
class RateLimitedScimApiTest {

    private static final String TOKEN = "acme-scim-token-0123456789";

    private final InMemoryAdapters store = new InMemoryAdapters();
    private final TenantId acme = new TenantId("acme");
    private final CountedApiTokens tokens = new CountedApiTokens(store.apiTokens());
    private final AtomicInteger lookUps = tokens.lookUps();
    private final AuthenticateTenant authentication = new AuthenticateTenant(tokens);
    private final CompanyLanes lanes = new CompanyLanes(1);
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private HttpServer http;

    RateLimitedScimApiTest() {
        store.tenants().insert(new Tenant(acme, "Acme", Instant.now()));
        store.apiTokens().replace(acme, TokenHash.of(TOKEN), Instant.now());
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.shutdownNow();
        }
    }

    /** A Jersey resource behind the authentication filter: it answers with the company the token opened. */
    @Path("/scim/v2/Company")
    @TenantAuthenticated
    public static final class CompanyResource {
        @GET
        public String company(@Context ContainerRequestContext request) {
            return ((TenantId) request.getProperty(BearerAuthenticationFilter.TENANT)).value();
        }
    }

    @Test
    void aTokenIsLookedUpOnceInFrontOfJerseyAndNotAgainByItsAuthenticationFilter() throws Exception {
        ResourceConfig config = new ResourceConfig()
                .register(new BearerAuthenticationFilter(authentication))
                .register(new JsonNodeBodyProvider(64 * 1024))
                .register(CompanyResource.class);
        http = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config, false);
        int port = start(http.getListeners().iterator().next());

        HttpResponse<String> known = get(port, "/scim/v2/Company", TOKEN);
        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(known.body()).isEqualTo("acme");
        assertThat(lookUps.getAndSet(0)).as("look-ups of a known token").isEqualTo(1);

        HttpResponse<String> unknown = get(port, "/scim/v2/Company", "a-token-nobody-issued");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).contains("the API token is not valid");
        assertThat(lookUps.get())
                .as("look-ups of an unknown token: one database query per request, not two")
                .isEqualTo(1);
    }

    @Test
    void aRequestThatWaitedForItsCompanysTurnIsAnsweredWhenTheHandlerFailsBeforeAnswering() throws Exception {
        CountDownLatch slowEntered = new CountDownLatch(1);
        CountDownLatch releaseSlow = new CountDownLatch(1);
        HttpHandler handler = new HttpHandler() {
            @Override
            public void service(Request request, Response response) throws Exception {
                if (request.getRequestURI().endsWith("/slow")) {
                    slowEntered.countDown();
                    releaseSlow.await(10, TimeUnit.SECONDS);
                    response.getWriter().write("slow");
                } else {
                    throw new IllegalStateException("the handler failed before answering");
                }
            }
        };
        http = new HttpServer();
        NetworkListener listener = new NetworkListener("test", "127.0.0.1", 0);
        http.addListener(listener);
        http.getServerConfiguration().addHttpHandler(handler, "/");
        int port = start(listener);

        CompletableFuture<HttpResponse<String>> slow = getAsync(port, "/scim/v2/slow");
        assertThat(slowEntered.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<HttpResponse<String>> failing = getAsync(port, "/scim/v2/failing");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (lanes.waiting(acme) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(lanes.waiting(acme))
                .as("the second request waits for Acme's one lane")
                .isEqualTo(1);
        releaseSlow.countDown();

        assertThat(slow.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        HttpResponse<String> failed = failing.get(5, TimeUnit.SECONDS);
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/scim+json"));
        assertThat(failed.body())
                .contains("urn:ietf:params:scim:api:messages:2.0:Error")
                .contains("quote correlation id")
                .doesNotContain("IllegalStateException");
    }

    private int start(NetworkListener listener) throws Exception {
        ActivityRecorder activity = new ActivityRecorder(
                store.activityLog(),
                store.apiTokens(),
                new SimpleMeterRegistry(),
                Clock.systemUTC(),
                false,
                Duration.ofDays(1),
                1_000);
        RateLimitedScimApi.install(
                http, listener, authentication, new TenantRateLimiter(1_000, 1_000, System::nanoTime), lanes, activity);
        http.start();
        return listener.getPort();
    }

    private HttpResponse<String> get(int port, String path, String token) throws Exception {
        return client.send(request(port, path, token), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> getAsync(int port, String path) {
        return client.sendAsync(request(port, path, TOKEN), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(int port, String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .build();
    }
}
