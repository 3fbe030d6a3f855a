package com.javelo.scim.core.protocol.error;

import com.javelo.scim.domain.error.DomainException;
import com.javelo.scim.domain.error.InvalidAttributeValue;
import com.javelo.scim.domain.error.SelfManagement;
import com.javelo.scim.domain.error.StaleVersion;
import com.javelo.scim.domain.error.UnknownGroup;
import com.javelo.scim.domain.error.UnknownMembers;
import com.javelo.scim.domain.error.UnknownTenant;
import com.javelo.scim.domain.error.UnknownUser;
import com.javelo.scim.domain.error.UserNameAlreadyTaken;

/**
 * Every error status and {@code scimType} the service answers is chosen here, and only here: the
 * protocol's factories ({@code throw ScimErrors.invalidFilter("…")}), the one translation of broken
 * business rules ({@link #of(DomainException)}), and the HTTP edge's own refusals (401, 429, 431,
 * 500, and the statuses Jersey or the HTTP server chose).
 */
public final class ScimErrors {

    /**
     * The one table from broken business rules to SCIM errors. It implements
     * {@link DomainException.Cases}, so a new domain exception does not compile until it has a row
     * here.
     */
    private static final DomainException.Cases<ScimException> DOMAIN_ERRORS = new DomainException.Cases<>() {
        @Override
        public ScimException userNameAlreadyTaken(UserNameAlreadyTaken exception) {
            return uniqueness(exception.getMessage());
        }

        @Override
        public ScimException staleVersion(StaleVersion exception) {
            return preconditionFailed(exception.getMessage());
        }

        @Override
        public ScimException unknownUser(UnknownUser exception) {
            return notFound(exception.getMessage());
        }

        @Override
        public ScimException unknownGroup(UnknownGroup exception) {
            return notFound(exception.getMessage());
        }

        @Override
        public ScimException unknownTenant(UnknownTenant exception) {
            return notFound(exception.getMessage());
        }

        @Override
        public ScimException unknownMembers(UnknownMembers exception) {
            return invalidValue(exception.getMessage());
        }

        @Override
        public ScimException invalidAttributeValue(InvalidAttributeValue exception) {
            return invalidValue(exception.getMessage());
        }

        @Override
        public ScimException selfManagement(SelfManagement exception) {
            return invalidValue(exception.getMessage());
        }
    };

    private ScimErrors() {}

    /** @return the SCIM error a broken business rule answers, with the domain exception as its cause */
    public static ScimException of(DomainException exception) {
        ScimException translated = exception.accept(DOMAIN_ERRORS);
        return new ScimException(translated.error(), exception);
    }

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

    public static ScimException uniqueness(String detail) {
        return error(409, ScimType.UNIQUENESS, detail);
    }

    /** A request the HTTP edge cannot read as one (a bad URI or {@code Host}), without a {@code scimType}. */
    public static ScimException badRequest(String detail) {
        return error(400, null, detail);
    }

    /** A missing, unknown or revoked bearer token. */
    public static ScimException unauthorized(String detail) {
        return error(401, null, detail);
    }

    /** An admin call a company's console token may not make. */
    public static ScimException forbidden(String detail) {
        return error(403, null, detail);
    }

    public static ScimException notFound(String detail) {
        return error(404, null, detail);
    }

    /** A request not received whole within the read timeout. */
    public static ScimException requestTimeout(String detail) {
        return error(408, null, detail);
    }

    /** {@code If-Match} named a version the resource is no longer at. */
    public static ScimException preconditionFailed(String detail) {
        return error(412, null, detail);
    }

    public static ScimException payloadTooLarge(String detail) {
        return error(413, null, detail);
    }

    /** RFC 6585: the company's rate limit is spent; the edge adds {@code Retry-After}. */
    public static ScimException tooManyRequests(String detail) {
        return error(429, null, detail);
    }

    /** RFC 6585: the request's header block is larger than the service reads. */
    public static ScimException headersTooLarge(String detail) {
        return error(431, null, detail);
    }

    /** A failure nobody foresaw; the detail holds a correlation id, never the cause. */
    public static ScimException unexpected(String detail) {
        return error(500, null, detail);
    }

    public static ScimException storageUnavailable(String detail, Throwable cause) {
        return new ScimException(new ScimError(503, null, detail), cause);
    }

    /**
     * An error whose status the HTTP layer already chose (Jersey's 405, 406, 415…, the HTTP
     * server's refusal of a malformed request line or chunk): only the body is made here.
     */
    public static ScimException ofHttpStatus(int status, String detail) {
        return error(status, null, detail);
    }

    private static ScimException error(int status, ScimType type, String detail) {
        return new ScimError(status, type, detail).toException();
    }
}
