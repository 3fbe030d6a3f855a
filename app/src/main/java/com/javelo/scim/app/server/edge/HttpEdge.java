package com.javelo.scim.app.server.edge;

import java.time.Duration;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * How requests are received, before any of them reaches Jersey: each within a time bound (headers
 * and body, {@code SCIM_HTTP_READ_TIMEOUT_SECONDS}), gathered whole off the worker threads, within
 * the body limit, framed unambiguously, and refused — when they must be — as SCIM errors. For
 * example:
 *
 * <pre>{@code
 * HttpEdge edge = HttpEdge.install(http, listener, Duration.ofSeconds(10), 1024 * 1024);
 * http.start();
 * ...
 * edge.close();
 * }</pre>
 */
public final class HttpEdge implements AddOn, AutoCloseable {

    private final ReadDeadlines deadlines;
    private final long maxBodyBytes;

    private HttpEdge(Duration readTimeout, long maxBodyBytes) {
        this.deadlines = new ReadDeadlines(readTimeout);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Configures the listener (and the server's error pages); takes effect when the server starts. */
    public static HttpEdge install(HttpServer http, NetworkListener listener, Duration readTimeout, long maxBodyBytes) {
        HttpEdge edge = new HttpEdge(readTimeout, maxBodyBytes);
        listener.registerAddOn(edge);
        listener.setDefaultErrorPageGenerator(new ScimErrorPages());
        // Grizzly's default page is HTML naming its version, with the stack trace.
        http.getServerConfiguration().setDefaultErrorPageGenerator(new ScimErrorPages());
        return edge;
    }

    /** Puts {@link ScimHttpCodec} in place of Grizzly's parser, configured as Grizzly configures its own. */
    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int codec = builder.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class);
        org.glassfish.grizzly.http.HttpServerFilter grizzlys =
                (org.glassfish.grizzly.http.HttpServerFilter) builder.get(codec);
        ScimHttpCodec ours = new ScimHttpCodec(
                listener.isChunkingEnabled(),
                listener.getMaxHttpHeaderSize(),
                listener.getKeepAlive(),
                listener.getMaxRequestHeaders(),
                listener.getMaxResponseHeaders(),
                deadlines,
                maxBodyBytes);
        ours.setAllowPayloadForUndefinedHttpMethods(grizzlys.isAllowPayloadForUndefinedHttpMethods());
        ours.setMaxPayloadRemainderToSkip(grizzlys.getMaxPayloadRemainderToSkip());
        for (org.glassfish.grizzly.http.ContentEncoding encoding : grizzlys.getContentEncodings()) {
            ours.addContentEncoding(encoding);
        }
        ours.getMonitoringConfig().addProbes(grizzlys.getMonitoringConfig().getProbes());
        builder.set(codec, ours);
        builder.add(builder.indexOfType(HttpServerFilter.class), new WholeRequests(deadlines, maxBodyBytes));
    }

    @Override
    public void close() {
        deadlines.close();
    }
}
