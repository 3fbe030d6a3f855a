package com.javelo.scim.adapter.jooq.sql;

import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.error.ScimException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells what a failed statement means: a lost or refused connection is the core's "storage
 * unavailable" (503 at the edge); a broken unique constraint is reported to the store that knows
 * which business rule it stands for; any other value the database refuses (SQLState class 22, data
 * exception, or 23, integrity constraint) is the client's input: 400 {@code invalidValue}, or 409
 * {@code uniqueness} for a unique constraint, naming the attribute where the constraint or column
 * says which. The core's {@code InputLimits} stops known cases before any SQL; this is the net
 * under them.
 *
 * <p>H2's and PostgreSQL's messages quote the values they refused (profile values), so a refused
 * statement is logged by its SQLState and constraint or column name alone, and the database's
 * message goes nowhere; any other failure goes on as a {@link StatementFailed} that keeps the stack
 * and the SQLStates and drops the message.
 */
public final class SqlErrors {

    private static final Logger LOG = LoggerFactory.getLogger(SqlErrors.class);

    /**
     * Where the two databases name the constraint or column, in the first line of their messages
     * (PostgreSQL's detail lines, and H2's text after the name, quote the values). Each captures
     * an SQL identifier and nothing else.
     */
    private static final List<Pattern> SUBJECTS = List.of(
            // PostgreSQL: ... violates unique constraint "users_by_user_name"
            Pattern.compile("constraint \"([A-Za-z0-9_]+)\""),
            // PostgreSQL: null value in column "user_name" ...
            Pattern.compile("in column \"([A-Za-z0-9_]+)\""),
            // H2: Unique index or primary key violation: "PUBLIC.USERS_BY_USER_NAME ON ..."
            Pattern.compile("key violation: \"(?:[A-Za-z0-9_]+\\.)?([A-Za-z0-9_]+) ON "),
            // H2: Referential integrity constraint violation: "CONSTRAINT_8D: PUBLIC.GROUP_MEMBERS FOREIGN
            // KEY(TENANT_ID,
            // USER_ID) REFERENCES PUBLIC.USERS(TENANT_ID, ID) (...)": H2 names its foreign keys itself
            Pattern.compile("((?i:group_members) FOREIGN KEY\\((?i:tenant_id, user_id)\\))"),
            // H2: Value too long for column "USER_NAME CHARACTER VARYING(1024)": ...; NULL not allowed for column "X"
            Pattern.compile("for column \"(?:[A-Za-z0-9_]+\\.)*([A-Za-z0-9_]+)[ \"]"));

    /** The attribute a constraint or column stands for, by its lower-case name. */
    private static final Map<String, String> ATTRIBUTES = Map.ofEntries(
            Map.entry("users_by_user_name", "userName"),
            Map.entry("user_name", "userName"),
            Map.entry("user_name_key", "userName"),
            Map.entry("external_id", "externalId"),
            Map.entry("display_name", "displayName"),
            Map.entry("display_name_key", "displayName"),
            Map.entry("given_name", "name.givenName"),
            Map.entry("family_name", "name.familyName"),
            Map.entry("nick_name", "nickName"),
            Map.entry("title", "title"),
            Map.entry("user_type", "userType"),
            Map.entry("locale", "locale"),
            Map.entry("preferred_language", "preferredLanguage"),
            Map.entry("timezone", "timezone"),
            Map.entry("employee_number", "employeeNumber"),
            Map.entry("department", "department"),
            Map.entry("division", "division"),
            Map.entry("cost_center", "costCenter"),
            Map.entry("organization", "organization"),
            Map.entry("manager_value", "manager"),
            Map.entry("manager_value_key", "manager"),
            Map.entry("email", "emails.value"),
            Map.entry("email_key", "emails.value"),
            Map.entry("email_type", "emails.type"),
            Map.entry("display", "members.display"),
            Map.entry("name", "name"),
            // group_members (tenant_id, user_id) references users: a member who is not (or no longer) a user
            Map.entry("group_members_tenant_id_user_id_fkey", "members"),
            Map.entry("group_members foreign key(tenant_id, user_id)", "members"));

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
        return refusedInput(exception).orElseGet(() -> withoutValues(exception));
    }

    /**
     * @return an unexpected failure as the 500's log line will show it: where it happened and its
     *     SQLStates, without the database's message (it quotes the statement's values)
     */
    static RuntimeException withoutValues(DataAccessException exception) {
        List<String> states = sqlExceptions(exception)
                .map(sql -> String.valueOf(sql.getSQLState()))
                .toList();
        String types = sqlExceptions(exception)
                .map(sql -> sql.getClass().getName())
                .distinct()
                .reduce((a, b) -> a + ", " + b)
                .orElse(exception.getClass().getName());
        StatementFailed failed = new StatementFailed("a statement failed: SQLState " + states + " (" + types
                + "); the database's message is not logged, it quotes the statement's values");
        failed.setStackTrace(exception.getStackTrace());
        return failed;
    }

    /** An unexpected statement failure, stripped of the database's message (see {@link #withoutValues}). */
    public static final class StatementFailed extends RuntimeException {
        StatementFailed(String message) {
            super(message);
        }
    }

    /**
     * @return the SCIM error for a statement the database refused because of a value (SQLState
     *     class 22 or 23), or empty for any other failure
     */
    public static Optional<RuntimeException> refusedInput(DataAccessException exception) {
        List<SQLException> refusals = sqlExceptions(exception)
                .filter(sql -> sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("22")
                                || sql.getSQLState().startsWith("23")))
                .toList();
        if (refusals.isEmpty()) {
            return Optional.empty();
        }
        SQLException refused = refusals.get(0);
        String state = refused.getSQLState();
        // A batch's own exception may not name the constraint; the one chained to it does.
        Optional<String> subject = refusals.stream()
                .map(SqlErrors::subject)
                .flatMap(Optional::stream)
                .findFirst();
        Optional<String> attribute = subject.map(name -> ATTRIBUTES.get(name.toLowerCase(Locale.ROOT)));
        LOG.warn(
                "the database refused a statement's input: SQLState {}, constraint or column {}",
                state,
                subject.orElse("not named"));
        String named = attribute.map(name -> "attribute '" + name + "'").orElse("a value");
        ScimException refusal;
        if (state.startsWith("22")) {
            refusal = ScimErrors.invalidValue("the database refused " + named + " (SQLState " + state
                    + "); check its length and characters against the limits in /Schemas");
        } else if ("23505".equals(state) || mentionsUnique(refused.getMessage())) {
            refusal = ScimErrors.uniqueness(named + " must be unique and is already in use");
        } else if (List.of("23503", "23506").contains(state)
                && attribute.filter("members"::equals).isPresent()) {
            // 23503 is PostgreSQL's foreign key violation, 23506 H2's "parent missing".
            refusal = ScimErrors.invalidValue("a member is not, or no longer, a User of this"
                    + " company (deleted meanwhile?); the membership change was not applied");
        } else {
            refusal = ScimErrors.invalidValue("the database refused " + named + " (SQLState " + state + ")");
        }
        // The cause is for the store that knows which rule a constraint stands for (see failedStatement);
        // a 4xx is never logged with its cause.
        return Optional.of(new ScimException(refusal.error(), exception));
    }

    /**
     * @return the failed statement behind an exception a transaction threw: itself, or the cause of
     *     the error {@link #translate} made of it
     */
    public static Optional<DataAccessException> failedStatement(RuntimeException exception) {
        if (exception instanceof DataAccessException failed) {
            return Optional.of(failed);
        }
        return exception instanceof ScimException && exception.getCause() instanceof DataAccessException failed
                ? Optional.of(failed)
                : Optional.empty();
    }

    /** Every SQLException behind a failure, with the batch's chained ones (PostgreSQL reports a batch's cause there). */
    private static Stream<SQLException> sqlExceptions(Throwable exception) {
        Stream.Builder<SQLException> all = Stream.builder();
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    all.add(next);
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return all.build();
    }

    private static Optional<String> subject(SQLException exception) {
        String message = String.valueOf(exception.getMessage());
        String firstLine = message.lines().findFirst().orElse("");
        for (Pattern pattern : SUBJECTS) {
            Matcher matcher = pattern.matcher(firstLine);
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
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
        return mentionsUnique(exception.getMessage());
    }

    private static boolean mentionsUnique(String message) {
        String lower = String.valueOf(message).toLowerCase(Locale.ROOT);
        return lower.contains("unique") || lower.contains("primary key");
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
            if (cause instanceof SQLException sql
                    && ("57014".equals(sql.getSQLState()) || "HYT00".equals(sql.getSQLState()))) {
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
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (cause instanceof ConnectException
                    || cause instanceof EOFException
                    || cause instanceof SocketException) {
                return true;
            }
        }
        return false;
    }
}
