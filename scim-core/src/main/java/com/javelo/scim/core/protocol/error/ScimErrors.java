package com.javelo.scim.core.protocol.error;

/**
 * Factories for every error the protocol raises, so that statuses and {@code scimType}s are chosen
 * in one place. For example: {@code throw ScimErrors.uniqueness("userName 'x' is already in use")}.
 */
public final class ScimErrors {

    private ScimErrors() {}

    public static ScimException invalidFilter(String detail) {
        return error(400, ScimType.INVALID_FILTER, detail);
    }

    public static ScimException invalidSyntax(String detail) {
        return error(400, ScimType.INVALID_SYNTAX, detail);
    }

    public static ScimException invalidPath(String detail) {
        return error(400, ScimType.INVALID_PATH, detail);
    }

    public static ScimException noTarget(String detail) {
        return error(400, ScimType.NO_TARGET, detail);
    }

    public static ScimException invalidValue(String detail) {
        return error(400, ScimType.INVALID_VALUE, detail);
    }

    public static ScimException mutability(String detail) {
        return error(400, ScimType.MUTABILITY, detail);
    }

    public static ScimException tooMany(String detail) {
        return error(400, ScimType.TOO_MANY, detail);
    }

    /** RFC 9865: a cursor this server did not issue, or issued for another tenant or query. */
    public static ScimException invalidCursor(String detail) {
        return error(400, ScimType.INVALID_CURSOR, detail);
    }

    /** RFC 9865: a cursor older than the advertised {@code cursorTimeout}. */
    public static ScimException expiredCursor(String detail) {
        return error(400, ScimType.EXPIRED_CURSOR, detail);
    }

    /** RFC 9865: a {@code count} a cursor page cannot serve. */
    public static ScimException invalidCount(String detail) {
        return error(400, ScimType.INVALID_COUNT, detail);
    }

    /** 409 without a {@code scimType}: e.g. a bulk operation whose {@code bulkId} reference cannot be resolved (RFC 7644 §3.7). */
    public static ScimException conflict(String detail) {
        return error(409, null, detail);
    }

    public static ScimException invalidVersion(String detail) {
        return error(400, ScimType.INVALID_VERS, detail);
    }

    public static ScimException uniqueness(String detail) {
        return error(409, ScimType.UNIQUENESS, detail);
    }

    public static ScimException unauthorized(String detail) {
        return error(401, null, detail);
    }

    public static ScimException notFound(String detail) {
        return error(404, null, detail);
    }

    public static ScimException preconditionFailed(String detail) {
        return error(412, null, detail);
    }

    public static ScimException payloadTooLarge(String detail) {
        return error(413, null, detail);
    }

    public static ScimException storageUnavailable(String detail, Throwable cause) {
        return new ScimException(new ScimError(503, null, detail), cause);
    }

    private static ScimException error(int status, ScimType type, String detail) {
        return new ScimError(status, type, detail).toException();
    }
}
