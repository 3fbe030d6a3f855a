package com.javelo.scim.app.server.edge;

import com.javelo.scim.core.protocol.error.ScimError;
import com.javelo.scim.core.protocol.error.ScimErrors;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clock of every request being received: it starts at the request's first byte and stops when
 * the whole request (headers and body) is in. A request still incomplete after the read timeout is
 * answered 408 and its connection closed, so a client that sends slowly holds a socket for a
 * bounded time — and never a worker thread, see {@link WholeRequests}.
 */
final class ReadDeadlines implements AutoCloseable {

    /** How often overdue requests are looked for: the bound is the timeout plus this. */
    private static final long SWEEP_MILLIS = 250;

    /** One request being received: since when, and its header once parsed. */
    static final class Reading {
        final long startedNanos = System.nanoTime();
        volatile HttpRequestPacket request;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReadDeadlines.class);

    private final long timeoutNanos;
    private final long timeoutSeconds;
    private final Map<Connection<?>, Reading> reading = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    ReadDeadlines(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
        this.timeoutSeconds = timeout.toSeconds();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "scim-read-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Bytes arrived on the connection: starts its clock unless a request is already being received. */
    void bytesArrived(Connection<?> connection) {
        current(connection);
    }

    /** The request being received on the connection, its clock started now if it was not running. */
    Reading current(Connection<?> connection) {
        return reading.computeIfAbsent(connection, ignored -> new Reading());
    }

    /**
     * The request is whole: stops its clock. False if the deadline got there first (the request
     * has been answered 408 and must not be served).
     */
    boolean complete(Connection<?> connection, Reading request) {
        return reading.remove(connection, request);
    }

    void forget(Connection<?> connection) {
        reading.remove(connection);
    }

    private void sweep() {
        long now = System.nanoTime();
        reading.forEach((connection, request) -> {
            if (now - request.startedNanos > timeoutNanos && reading.remove(connection, request)) {
                try {
                    expire(connection, request);
                } catch (RuntimeException e) {
                    // One connection's failure must not stop the sweeper (a periodic task that throws is never run
                    // again).
                    LOG.warn("could not answer an overdue request; closing its connection", e);
                    connection.closeSilently();
                }
            }
        });
    }

    private void expire(Connection<?> connection, Reading request) {
        HttpRequestPacket header = request.request;
        ScimError timeout = ScimErrors.requestTimeout("the request was not received within " + timeoutSeconds
                        + " s (SCIM_HTTP_READ_TIMEOUT_SECONDS); send the whole request at once")
                .error();
        if (header == null) {
            EdgeAnswers.refuseUnparsed(connection, timeout);
        } else {
            EdgeAnswers.refuse(connection, header, timeout);
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
