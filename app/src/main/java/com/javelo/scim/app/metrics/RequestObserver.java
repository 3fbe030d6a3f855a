package com.javelo.scim.app.metrics;

import com.javelo.scim.adapter.jersey.RequestIdFilter;
import com.javelo.scim.adapter.jersey.auth.BearerAuthenticationFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.uri.UriTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log line and one timer sample per request: method, path template (never ids, so neither
 * cardinality nor personal data leaks), status, duration, tenant and request id. Never headers or
 * bodies: the token and the password placeholder stay out of the logs.
 *
 * <p>Every label value comes from a fixed set — a known method else {@code other}, a matched route
 * template else {@code unmatched}, a three-digit status — because each distinct value makes a new
 * timer for good: 500 invented methods once grew {@code /metrics} to 76 MB (issue #13).
 */
@PreMatching
@Priority(0)
public final class RequestObserver implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = LoggerFactory.getLogger("com.javelo.scim.requests");
    private static final String STARTED = "javelo.scim.started";
    private static final Pattern REPEATED_SLASHES = Pattern.compile("/+");
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final MeterRegistry registry;
    // A handful of endpoint × method × status combinations: kept, so that a request does not
    // build and look up its timer's id again.
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private final Map<ResourceMethod, String> templates = new ConcurrentHashMap<>();

    private record TimerKey(String endpoint, String method, String status) {}

    public RequestObserver(MeterRegistry registry) {
        this.registry = registry;
    }

    private Timer timer(TimerKey key) {
        return Timer.builder("scim.http.requests")
                .description("SCIM and admin requests by endpoint, method and status")
                .tag("endpoint", key.endpoint())
                .tag("method", key.method())
                .tag("status", key.status())
                .publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        long nanos = started == null ? 0 : System.nanoTime() - (Long) started;
        String template = template(request.getUriInfo());
        String status = Integer.toString(response.getStatus());
        String method = methodLabel(request.getMethod());
        timers.computeIfAbsent(new TimerKey(template, method, status), this::timer)
                .record(nanos, TimeUnit.NANOSECONDS);
        Object tenant = request.getProperty(BearerAuthenticationFilter.TENANT);
        LOG.info(
                "{} {} {} {}ms tenant={} requestId={}",
                method,
                template,
                status,
                milliseconds(nanos),
                tenant == null ? "-" : tenant,
                request.getProperty(RequestIdFilter.PROPERTY));
        MDC.remove("tenant");
        MDC.remove("requestId");
    }

    /** The method as a label: one of the methods the service knows, else {@code other}. */
    public static String methodLabel(String method) {
        return KNOWN_METHODS.contains(method) ? method : "other";
    }

    /** Milliseconds with one decimal, e.g. {@code 2.4}. */
    static String milliseconds(long nanos) {
        long tenths = (nanos + 50_000) / 100_000;
        return tenths / 10 + "." + tenths % 10;
    }

    private String template(UriInfo uriInfo) {
        if (uriInfo instanceof ExtendedUriInfo extended) {
            // One resource method, one path template: built once per method.
            ResourceMethod method = extended.getMatchedResourceMethod();
            return method == null
                    ? template(extended)
                    : templates.computeIfAbsent(method, ignored -> template(extended));
        }
        return "unmatched";
    }

    private static String template(ExtendedUriInfo extended) {
        List<UriTemplate> templates = extended.getMatchedTemplates();
        if (templates.isEmpty()) {
            return "unmatched";
        }
        StringBuilder path = new StringBuilder();
        for (int i = templates.size() - 1; i >= 0; i--) {
            String part = templates.get(i).getTemplate();
            if (!part.startsWith("/")) {
                path.append('/');
            }
            path.append(part);
        }
        return REPEATED_SLASHES.matcher(path).replaceAll("/");
    }
}
