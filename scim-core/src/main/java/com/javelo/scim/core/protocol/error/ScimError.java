package com.javelo.scim.core.protocol.error;

import java.util.Objects;

/**
 * A SCIM error as RFC 7644 §3.12 describes it: an HTTP status, an optional {@code scimType} and a
 * detail a person can act on. The status is a plain {@code int}; the core knows no HTTP library.
 */
public record ScimError(int status, ScimType scimType, String detail) {

    public ScimError {
        if (status < 300 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        Objects.requireNonNull(detail, "detail");
    }

    /** @return the error as an exception the use cases throw and the HTTP edge renders. */
    public ScimException toException() {
        return new ScimException(this);
    }
}
