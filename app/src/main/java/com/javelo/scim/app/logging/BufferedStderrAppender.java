package com.javelo.scim.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes log lines to standard error through a buffer that is flushed every
 * {@value #FLUSH_MILLIS} ms, and at once after a warning or an error. A line per request written
 * and flushed on its own (or handed to a writer thread that wakes for each) costs a system call and
 * a thread switch per request, more than the request's own logging work (docs/benchmarks.md); a
 * buffer turns hundreds of lines into one write. The price: an operator sees an info line up to
 * {@value #FLUSH_MILLIS} ms late, and a process killed with {@code kill -9} loses at most that
 * much of the request log (never a warning or an error).
 */
final class BufferedStderrAppender extends OutputStreamAppender<ILoggingEvent> {

    static final long FLUSH_MILLIS = 200;
    private static final int BUFFER_BYTES = 64 * 1024;

    private ScheduledExecutorService flusher;

    @Override
    public void start() {
        setOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.err), BUFFER_BYTES));
        setImmediateFlush(false);
        super.start();
        flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "scim-log-flusher");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void subAppend(ILoggingEvent event) {
        super.subAppend(event);
        if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
            flush();
        }
    }

    /** Writes out what the buffer holds. */
    void flush() {
        streamWriteLock.lock();
        try {
            if (getOutputStream() != null) {
                getOutputStream().flush();
            }
        } catch (IOException e) {
            addError("cannot flush the log to standard error", e);
        } finally {
            streamWriteLock.unlock();
        }
    }

    @Override
    public void stop() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        super.stop();
    }

    /** Standard error outlives the appender: flushed, never closed. */
    @Override
    protected void closeOutputStream() {
        flush();
    }
}
