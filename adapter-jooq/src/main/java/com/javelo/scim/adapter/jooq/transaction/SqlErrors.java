package com.javelo.scim.adapter.jooq.transaction;

import com.javelo.scim.core.protocol.error.ScimErrors;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;
import org.jooq.exception.DataAccessException;

/**
 * Tells what a failed statement means: a lost or refused connection is the core's "storage
 * unavailable" (503 at the edge); a broken unique constraint is reported to the store that knows
 * which business rule it stands for.
 */
public final class SqlErrors {

    private SqlErrors() {}

    public static RuntimeException translate(DataAccessException exception) {
        if (isConnectionFailure(exception)) {
            return ScimErrors.storageUnavailable(
                    "the provisioning database is unavailable; retry in a few seconds", exception);
        }
        if (isTimeout(exception)) {
            return ScimErrors.storageUnavailable(
                    "the provisioning database did not answer in time; retry in a few seconds", exception);
        }
        return exception;
    }

    /** @return the name of the unique constraint or index a statement broke, if that is what failed */
    public static Optional<String> uniqueViolation(DataAccessException exception) {
        String state = exception.sqlState();
        if ("23505".equals(state) || (state != null && state.startsWith("23") && mentionsUnique(exception))) {
            String message = String.valueOf(exception.getMessage()).toLowerCase(Locale.ROOT);
            return Optional.of(message);
        }
        return Optional.empty();
    }

    private static boolean mentionsUnique(DataAccessException exception) {
        String message = String.valueOf(exception.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("unique") || message.contains("primary key");
    }

    /**
     * A statement cancelled by its timeout (57014 on PostgreSQL and H2), a lock wait that timed out
     * (H2's HYT00), or a socket read that timed out.
     */
    private static boolean isTimeout(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTimeoutException || cause instanceof SocketTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && ("57014".equals(sql.getSQLState())
                    || "HYT00".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (cause instanceof ConnectException || cause instanceof EOFException
                    || cause instanceof SocketException) {
                return true;
            }
        }
        return false;
    }
}
