package com.javelo.scim.app.server.edge;

import com.javelo.scim.adapter.jersey.auth.BearerAuthenticationFilter;
import com.javelo.scim.adapter.jersey.limit.CompanyLanes;
import com.javelo.scim.adapter.jersey.limit.TenantRateLimiter;
import com.javelo.scim.app.activity.ActivityRecorder;
import com.javelo.scim.app.metrics.RequestObserver;
import com.javelo.scim.core.port.ActivityEntry;
import com.javelo.scim.core.protocol.error.ScimError;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.usecase.tenant.AuthenticateTenant;
import com.javelo.scim.domain.id.TenantId;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.http.util.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-company rate limit (issue #19), in front of Jersey: a SCIM request whose company's bucket
 * ({@link TenantRateLimiter}) is empty is answered 429 with {@code Retry-After}, after
 * a pause ({@link #REFUSAL_PAUSE}), during which it holds no worker thread (the response is suspended) and
 * costs no CPU. Without the pause, a client that ignores {@code Retry-After} and pushes as fast as
 * its connections allow got some 9,000 refusals a second, which took the CPU from every other
 * company (W9, docs/benchmarks.md); with it, each of its connections sends at most one request per
 * pause. Okta and Entra wait {@code Retry-After} anyway, so the pause costs them nothing.
 *
 * <p>A request within the rate then takes one of its company's lanes ({@link CompanyLanes}): at most
 * a quarter of the database pool's connections run one company's requests at once, and its others
 * wait in line, suspended, holding no worker. Without lanes, the burst the bucket allows (100
 * requests) arrived at once from a 32-connection push and took both cores: the quiet company's p99
 * was 5.5 times its p99 alone in the W9 pair that met it.
 *
 * <p>The company is the one its token names, as authentication will find it
 * ({@link AuthenticateTenant}, cached); a request without a valid SCIM token goes on to Jersey
 * untouched (which answers 401 where the SCIM API needs one).
 */
public final class RateLimitedScimApi extends HttpHandler {

    /**
     * How long a refusal waits before it is written, on average: each waits between half and one and
     * a half times this, at random, so that the refused connections of one client do not come back
     * together (in step, they brought the company's refilled tokens in as one burst of writes every
     * pause, which other companies' requests met as a p99 of 50 ms).
     */
    static final Duration REFUSAL_PAUSE = Duration.ofMillis(500);

    private static final String SCIM_PATH = "/scim/v2/";

    /** The request log's logger: a refusal is a request too, answered before Jersey sees it. */
    private static final Logger LOG = LoggerFactory.getLogger("com.javelo.scim.requests");

    private final HttpHandler jersey;
    private final AuthenticateTenant authentication;
    private final TenantRateLimiter limiter;
    private final CompanyLanes lanes;
    private final ActivityRecorder activity;
    /** The server's worker threads, where a request let in after waiting runs (known once it starts). */
    private final Supplier<Executor> workers;

    private final ScheduledExecutorService pauses = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "scim-rate-limit-pauses");
        thread.setDaemon(true);
        return thread;
    });

    private RateLimitedScimApi(
            HttpHandler jersey,
            AuthenticateTenant authentication,
            TenantRateLimiter limiter,
            CompanyLanes lanes,
            ActivityRecorder activity,
            Supplier<Executor> workers) {
        this.jersey = jersey;
        this.authentication = authentication;
        this.limiter = limiter;
        this.lanes = lanes;
        this.activity = activity;
        this.workers = workers;
    }

    /**
     * Puts the limit and the lanes in front of the server's one handler (Jersey's), on the same
     * paths; call it before the server starts.
     */
    public static void install(
            HttpServer http,
            NetworkListener listener,
            AuthenticateTenant authentication,
            TenantRateLimiter limiter,
            CompanyLanes lanes,
            ActivityRecorder activity) {
        ServerConfiguration server = http.getServerConfiguration();
        Map.Entry<HttpHandler, HttpHandlerRegistration[]> jersey =
                server.getHttpHandlersWithMapping().entrySet().iterator().next();
        server.removeHttpHandler(jersey.getKey());
        server.addHttpHandler(
                new RateLimitedScimApi(
                        jersey.getKey(),
                        authentication,
                        limiter,
                        lanes,
                        activity,
                        () -> listener.getTransport().getWorkerThreadPool()),
                jersey.getValue());
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        Optional<TenantId> company = companyOf(request);
        if (company.isEmpty()) {
            jersey.service(request, response);
            return;
        }
        TenantId tenant = company.get();
        long wait = limiter.acquire(tenant);
        if (wait > 0) {
            refuse(tenant, request, response, wait);
            return;
        }
        Waiting queued = new Waiting(this, tenant, request, response, workers.get());
        // Suspended inside the company's line, before any other thread can take it out of it.
        if (lanes.enter(tenant, queued, response::suspend)) {
            try {
                jersey.service(request, response);
            } finally {
                handOn(tenant, queued.workers());
            }
        }
    }

    /** A request that waited for one of its company's lanes: runs on a worker once let in. */
    private record Waiting(
            RateLimitedScimApi api, TenantId tenant, Request request, Response response, Executor workers)
            implements Runnable {

        @Override
        public void run() {
            try {
                // Jersey answers, and resumes the suspended response as it does (ResponseWriter.commit),
                // even for an exception of the resource; after that, the response is Grizzly's again
                // (recycled for another request): not to be touched here.
                api.jersey.service(request, response);
            } catch (Exception e) {
                // Jersey answers every failure of a request it has taken in hand; it throws only
                // before that (reading the request's URIs), when nothing is answered yet. Answered as
                // the same failure of a request that did not wait is, rather than left suspended
                // until the client gives up.
                answer(response, ScimErrorPages.error(500, e), 0);
            } catch (Error e) {
                LOG.error("a request that waited for its company's turn failed", e);
            } finally {
                api.handOn(tenant, workers);
            }
        }

        /** The server is stopping and has no worker for it: it is refused rather than left waiting. */
        void refuseAsStopping() {
            answer(
                    response,
                    ScimErrors.ofHttpStatus(503, "the server is stopping; retry the request")
                            .error(),
                    1);
        }
    }

    /** One of the company's requests ended: the next in its line, if any, runs in its place. */
    private void handOn(TenantId tenant, Executor workers) {
        Runnable next = lanes.leave(tenant);
        while (next != null) {
            try {
                workers.execute(next);
                return;
            } catch (RejectedExecutionException stopping) {
                ((Waiting) next).refuseAsStopping();
                next = lanes.leave(tenant);
            }
        }
    }

    private void refuse(TenantId tenant, Request request, Response response, long wait) {
        long seconds = TenantRateLimiter.retryAfterSeconds(wait);
        ScimError refusal = ScimErrors.tooManyRequests("too many requests from this company: at most "
                        + limiter.ratePerSecond() + " per second on this server; retry after " + seconds + " s")
                .error();
        record(tenant, request, refusal);
        response.suspend();
        try {
            long pause =
                    REFUSAL_PAUSE.toMillis() / 2 + ThreadLocalRandom.current().nextLong(REFUSAL_PAUSE.toMillis() + 1);
            pauses.schedule(() -> answer(response, refusal, seconds), pause, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            answer(response, refusal, seconds);
        }
    }

    /**
     * The company whose SCIM token the request carries, whatever its path says: a path spelled
     * another way ({@code /scim;x/v2/…}, {@code %73cim}) reaches the same resources, so it must
     * not escape the limit. The admin API's own tokens are not looked up.
     */
    private Optional<TenantId> companyOf(Request request) {
        String path = request.getRequestURI();
        if (path != null && path.startsWith("/admin/")) {
            return Optional.empty();
        }
        String token = BearerAuthenticationFilter.tokenOf(request.getHeader(Header.Authorization));
        if (token == null) {
            return Optional.empty();
        }
        Optional<TenantId> tenant = authentication.authenticate(token);
        // For Jersey's authentication filter, which then does not look the token up again.
        request.setAttribute(
                BearerAuthenticationFilter.AUTHENTICATED, new BearerAuthenticationFilter.Authenticated(token, tenant));
        return tenant;
    }

    /** As the activity filter records a refused request (Jersey never sees this one). */
    private void record(TenantId tenant, Request request, ScimError refusal) {
        String method = RequestObserver.methodLabel(request.getMethod().getMethodString());
        LOG.info("{} (rate limited) {} tenant={}", method, refusal.status(), tenant);
        String path = request.getRequestURI();
        String[] segments =
                path.startsWith(SCIM_PATH) ? path.substring(SCIM_PATH.length()).split("/", 3) : new String[0];
        activity.record(new ActivityEntry(
                null,
                tenant,
                activity.now(),
                request.getHeader(Header.UserAgent),
                method,
                segments.length > 0 ? segments[0] : null,
                segments.length > 1 && !segments[1].startsWith(".") ? segments[1] : null,
                null,
                refusal.status(),
                null,
                refusal.detail(),
                0,
                null));
    }

    private static void answer(Response response, ScimError error, long retryAfterSeconds) {
        try {
            byte[] body = EdgeAnswers.json(error);
            response.setStatus(error.status());
            if (retryAfterSeconds > 0) {
                response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
            }
            response.setContentType(EdgeAnswers.SCIM_JSON_UTF8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } catch (IOException | RuntimeException e) {
            // The client has gone: nothing to answer.
        } finally {
            response.resume();
        }
    }

    @Override
    public void start() {
        jersey.start();
    }

    @Override
    public void destroy() {
        pauses.shutdownNow();
        jersey.destroy();
    }
}
