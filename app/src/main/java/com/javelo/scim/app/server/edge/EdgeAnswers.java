package com.javelo.scim.app.server.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.javelo.scim.adapter.jersey.error.ScimErrorResponses;
import com.javelo.scim.app.metrics.RequestObserver;
import com.javelo.scim.core.protocol.error.ScimError;
import com.javelo.scim.core.protocol.json.ScimJson;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SCIM error answers written by the HTTP server itself, below Jersey, for requests Jersey must never
 * see (too slow, too large, ambiguously framed). The connection is closed after the answer: what
 * follows on it can no longer be told apart from the refused request's body.
 *
 * <p>Closed after a linger, not at once: a client still sending the body we refused (a 413 answered
 * on its Content-Length, while 3 MiB are on their way) would otherwise get a TCP reset for the
 * unread bytes, which discards our answer from its receive buffer, so it saw "connection reset"
 * instead of the 413. For {@link #LINGER} the bytes that keep coming are read and dropped, then the
 * connection closes (what web servers call a lingering close).
 */
final class EdgeAnswers {

    static final String SCIM_JSON_UTF8 = "application/scim+json;charset=utf-8";

    /** Set on a connection once it has been answered and is closing: later bytes on it are dropped. */
    private static final Attribute<Boolean> REFUSED =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute("javelo.scim.edge.refused");

    /** The request log's logger: these refusals are requests too, answered before Jersey sees them. */
    private static final Logger LOG = LoggerFactory.getLogger("com.javelo.scim.requests");

    /** How long a refused connection stays open, reading and dropping, after its answer is written. */
    static final Duration LINGER = Duration.ofSeconds(2);

    private static final ScheduledExecutorService LINGERING = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "scim-edge-linger");
        thread.setDaemon(true);
        return thread;
    });

    private EdgeAnswers() {}

    /** Closes the connection once the client has had {@link #LINGER} to finish sending and read our answer. */
    private static void closeAfterLinger(Connection<?> connection) {
        LINGERING.schedule(connection::closeSilently, LINGER.toMillis(), TimeUnit.MILLISECONDS);
    }

    static boolean isRefused(Connection<?> connection) {
        return REFUSED.isSet(connection);
    }

    /** Answers the request with the error and closes the connection once the answer is written. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void refuse(Connection<?> connection, HttpRequestPacket request, ScimError error) {
        if (isRefused(connection)) {
            return;
        }
        REFUSED.set(connection, Boolean.TRUE);
        // The method as a bounded label and no path: the path may hold ids, and is what was refused.
        LOG.info(
                "{} (before the SCIM API) {} {}",
                RequestObserver.methodLabel(request.getMethod().getMethodString()),
                error.status(),
                error.detail());
        HttpResponsePacket response = request.getResponse();
        if (response.isCommitted()) {
            connection.closeSilently();
            return;
        }
        byte[] body = json(error);
        response.setStatus(error.status());
        response.setContentType(SCIM_JSON_UTF8);
        response.setContentLength(body.length);
        response.setHeader(Header.Connection, "close");
        HttpContent answer = HttpContent.builder(response)
                .content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body))
                .last(true)
                .build();
        ((Connection) connection).write(answer, new EmptyCompletionHandler<WriteResult>() {
            @Override
            public void completed(WriteResult result) {
                closeAfterLinger(connection);
            }

            @Override
            public void failed(Throwable throwable) {
                connection.closeSilently();
            }
        });
    }

    /**
     * Answers a connection whose request never got as far as a parsed header (so there is no
     * response to fill in: the answer is written as bytes, below the parser) and closes it.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void refuseUnparsed(Connection<?> connection, ScimError error) {
        if (isRefused(connection)) {
            return;
        }
        REFUSED.set(connection, Boolean.TRUE);
        LOG.info("- (before the SCIM API) {} {}", error.status(), error.detail());
        byte[] body = json(error);
        byte[] head = ("HTTP/1.1 " + error.status() + " " + reasonPhrase(error.status()) + "\r\nContent-Type: "
                        + SCIM_JSON_UTF8 + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] answer = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, answer, head.length, body.length);
        ((Connection) connection)
                .write(
                        Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, answer),
                        new EmptyCompletionHandler<WriteResult>() {
                            @Override
                            public void completed(WriteResult result) {
                                connection.closeSilently();
                            }

                            @Override
                            public void failed(Throwable throwable) {
                                connection.closeSilently();
                            }
                        });
    }

    private static String reasonPhrase(int status) {
        return HttpStatus.getHttpStatus(status).getReasonPhrase();
    }

    static byte[] json(ScimError error) {
        try {
            return ScimJson.mapper().writeValueAsBytes(ScimErrorResponses.body(error));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
