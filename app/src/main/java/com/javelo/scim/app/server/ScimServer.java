package com.javelo.scim.app.server;

import com.javelo.scim.adapter.jersey.HttpSettings;
import com.javelo.scim.adapter.jersey.ScimApplication;
import com.javelo.scim.adapter.jersey.limit.CompanyLanes;
import com.javelo.scim.adapter.jersey.limit.TenantRateLimiter;
import com.javelo.scim.app.activity.ActivityFilter;
import com.javelo.scim.app.activity.ActivityRecorder;
import com.javelo.scim.app.admin.AdminAuthenticationFilter;
import com.javelo.scim.app.admin.AdminResource;
import com.javelo.scim.app.admin.AdminSessionResource;
import com.javelo.scim.app.admin.CustomAttributesResource;
import com.javelo.scim.app.assembly.Database;
import com.javelo.scim.app.assembly.Services;
import com.javelo.scim.app.assembly.TokenRevocations;
import com.javelo.scim.app.config.Settings;
import com.javelo.scim.app.console.ConsoleHeaders;
import com.javelo.scim.app.console.ConsoleResource;
import com.javelo.scim.app.events.EventConsumersResource;
import com.javelo.scim.app.events.EventDelivery;
import com.javelo.scim.app.events.EventPollResource;
import com.javelo.scim.app.health.HealthResource;
import com.javelo.scim.app.metrics.MetricsResource;
import com.javelo.scim.app.metrics.RequestObserver;
import com.javelo.scim.app.server.edge.HttpEdge;
import com.javelo.scim.app.server.edge.RateLimitedScimApi;
import com.javelo.scim.core.endpoint.EndpointSettings;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: migrations applied, the SCIM API, admin API, health and metrics on one
 * Grizzly listener. {@link #close()} answers the waiting long polls of the event feed, stops
 * accepting, lets in-flight requests finish (bounded),
 * then closes the pool, then the database (on H2 an explicit SHUTDOWN): in that order, so that
 * no request still running finds the database gone and every answered write is on disk.
 */
public final class ScimServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScimServer.class);
    /** How long in-flight requests may take to finish on shutdown. */
    private static final long GRACE_SECONDS = 20;

    /** Grizzly's limit on a request's header block: above it, its parser answers (a SCIM 431, too). */
    private static final int MAX_HEADER_BLOCK_BYTES = 64 * 1024;

    private final HttpServer http;
    private final HttpEdge edge;
    private final Database database;
    private final EventDelivery events;
    private final ActivityRecorder activity;
    private final TokenRevocations revocations;
    private final HealthResource health;
    private final Duration drain;
    private final int port;

    private ScimServer(
            HttpServer http,
            HttpEdge edge,
            Database database,
            EventDelivery events,
            ActivityRecorder activity,
            TokenRevocations revocations,
            HealthResource health,
            Duration drain,
            int port) {
        this.http = http;
        this.edge = edge;
        this.database = database;
        this.events = events;
        this.activity = activity;
        this.revocations = revocations;
        this.health = health;
        this.drain = drain;
        this.port = port;
    }

    public static ScimServer start(Settings settings) {
        long started = System.nanoTime();
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Database database = Database.open(settings, metrics);
        // Two independent halves of the start run side by side: connecting, migrating and
        // loading the query path on one thread, building the HTTP stack on this one.
        CompletableFuture<Void> databaseReady = CompletableFuture.runAsync(
                () -> {
                    database.migrateAndWarmUp();
                    new JvmMemoryMetrics().bindTo(metrics);
                    new JvmGcMetrics().bindTo(metrics);
                    new JvmThreadMetrics().bindTo(metrics);
                },
                task -> new Thread(task, "scim-start").start());
        try {
            TokenRevocations revocations = database.tokenRevocations();
            // A bulk request is bounded by the body limit anyway: advertise that as its maxPayloadSize.
            Services services = Services.over(
                    database.persistence(),
                    settings.tokenCacheTtl(),
                    revocations,
                    EndpointSettings.DEFAULTS.withBulkMaxPayloadBytes(settings.maxBodyBytes()));
            HttpSettings httpSettings = new HttpSettings(
                    settings.publicBaseUrl(), settings.trustForwardedHeaders(), settings.maxBodyBytes());
            ResourceConfig config = ScimApplication.create(services.scim(), httpSettings);
            Settings.Activity activitySettings = settings.activity();
            ActivityRecorder activity = new ActivityRecorder(
                    database.persistence().activityLog(),
                    services.apiTokens(),
                    metrics,
                    Clock.systemUTC(),
                    activitySettings.enabled(),
                    Duration.ofDays(activitySettings.retentionDays()),
                    activitySettings.maxEntriesPerCompany());
            config.register(new ActivityFilter(activity));
            config.register(new AdminAuthenticationFilter(settings.adminToken(), services.consoleTokens()));
            config.register(new AdminResource(services, httpSettings, activity));
            config.register(new CustomAttributesResource(services));
            config.register(new CustomAttributesResource.Undeclared(services));
            config.register(new AdminSessionResource(services));
            config.register(new ConsoleResource());
            config.register(new ConsoleHeaders());
            Clock clock = Clock.systemUTC();
            EventDelivery events = EventDelivery.over(
                    database.persistence(),
                    database.notifications(),
                    settings.eventRetention(),
                    new EventDelivery.LongPollBounds(
                            settings.eventLongPoll(), Math.max(1, Math.min(4, settings.dbPoolSize() / 2))),
                    metrics,
                    clock);
            config.register(
                    new EventConsumersResource(events, database.persistence().tenants(), clock));
            config.register(new EventPollResource(events, settings.publicBaseUrl(), clock));
            HealthResource health = new HealthResource(database);
            config.register(health);
            config.register(new MetricsResource(metrics));
            config.register(new RequestObserver(metrics));
            HttpServer http = GrizzlyHttpServerFactory.createHttpServer(listenUri(settings), config, false);
            NetworkListener listener = http.getListeners().iterator().next();
            if (settings.tenantRateLimit() > 0) {
                RateLimitedScimApi.install(
                        http,
                        listener,
                        services.scim().authentication(),
                        new TenantRateLimiter(settings.tenantRateLimit(), settings.tenantRateBurst(), System::nanoTime),
                        // A quarter of the pool: the rest serves other companies beside one pushing as
                        // hard as its rate allows.
                        new CompanyLanes(Math.max(2, settings.dbPoolSize() / 4)),
                        activity);
            }
            // Worker threads match the pool: more would only queue on connections. Idle workers
            // wait on a plain blocking queue: Grizzly's default transfer queue spins before it
            // parks, which on a small machine takes CPU from the requests (docs/benchmarks.md).
            int workers = Math.max(4, settings.dbPoolSize() * 2);
            listener.getTransport()
                    .setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                            .setPoolName("scim-http")
                            .setCorePoolSize(workers)
                            .setMaxPoolSize(workers)
                            .setQueue(new LinkedBlockingQueue<>()));
            // Above HeaderSizeLimit's 16 KiB, so that oversized headers usually get its 431 from
            // Jersey; bigger blocks get the same SCIM 431 from the parser (HttpEdge) without being kept.
            listener.setMaxHttpHeaderSize(MAX_HEADER_BLOCK_BYTES);
            listener.getKeepAlive()
                    .setIdleTimeoutInSeconds((int) settings.httpIdleTimeout().toSeconds());
            awaitDatabase(databaseReady);
            HttpEdge edge = HttpEdge.install(http, listener, settings.httpReadTimeout(), settings.maxBodyBytes());
            try {
                // Before the events start the one listening connection both use. The company's declared
                // attributes are remembered like its tokens, and forgotten on the same news.
                revocations.subscribe(TokenRevocations.Subscriber.both(services.apiTokens(), services.customSchemas()));
                events.start();
                activity.start();
                http.start();
            } catch (IOException | RuntimeException e) {
                edge.close();
                events.close();
                activity.close();
                revocations.close();
                throw e;
            }
            int port = listener.getPort();
            LOG.info(
                    "Javelo SCIM listening on {}:{} ({} ms); {}",
                    settings.httpHost(),
                    port,
                    (System.nanoTime() - started) / 1_000_000,
                    settings);
            if (settings.publicBaseUrl() == null) {
                LOG.warn(
                        "SCIM_PUBLIC_BASE_URL is not set: meta.location and Location follow each request's Host header "
                                + "(and X-Forwarded-* when trusted); set it to the URL identity providers use, e.g. "
                                + "https://scim.javelo.io");
            }
            return new ScimServer(
                    http, edge, database, events, activity, revocations, health, settings.shutdownDrain(), port);
        } catch (IOException e) {
            closeWhenSettled(databaseReady, database);
            throw new UncheckedIOException("cannot listen on " + settings.httpHost() + ":" + settings.httpPort(), e);
        } catch (RuntimeException e) {
            closeWhenSettled(databaseReady, database);
            throw e;
        }
    }

    private static URI listenUri(Settings settings) {
        String host = settings.httpHost();
        boolean ipv6 = host.indexOf(':') >= 0 && !host.startsWith("[");
        return URI.create("http://" + (ipv6 ? "[" + host + "]" : host) + ":" + settings.httpPort() + "/");
    }

    /** Closes the pool once the database half of a failed start has stopped using it. */
    private static void closeWhenSettled(CompletableFuture<Void> databaseReady, Database database) {
        databaseReady.handle((ignored, failure) -> null).join();
        database.close();
    }

    /** Waits for the database half of the start, and fails the start as it failed. */
    private static void awaitDatabase(CompletableFuture<Void> databaseReady) {
        try {
            databaseReady.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /**
     * Stops in order: readiness answers 503 while requests are still served for the drain period
     * (long enough for a balancer's health check to take this instance out), then the listener
     * stops accepting and in-flight requests finish, then the pool and the database close.
     */
    @Override
    public void close() {
        health.stopping();
        if (!drain.isZero()) {
            LOG.info(
                    "stopping: readiness is down; serving for {} s more while load balancers take this instance out",
                    drain.toSeconds());
            try {
                Thread.sleep(drain.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // Long polls would otherwise keep the graceful shutdown waiting for up to their whole wait.
        events.answerLongPolls();
        try {
            http.shutdown(GRACE_SECONDS, TimeUnit.SECONDS).get(GRACE_SECONDS + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("in-flight requests did not finish within {} s; stopping anyway", GRACE_SECONDS);
            http.shutdownNow();
        } finally {
            edge.close();
            events.close();
            activity.close();
            revocations.close();
            database.close();
            LOG.info("Javelo SCIM stopped");
        }
    }
}
