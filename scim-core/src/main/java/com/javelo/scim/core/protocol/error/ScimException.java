package com.javelo.scim.core.protocol.error;

/** Carries a {@link ScimError} from wherever the protocol rule is broken to the HTTP edge. */
public final class ScimException extends RuntimeException {

    private final transient ScimError error;

    public ScimException(ScimError error) {
        super(error.detail(), null, false, false);
        this.error = error;
    }

    public ScimException(ScimError error, Throwable cause) {
        super(error.detail(), cause, false, false);
        this.error = error;
    }

    public ScimError error() {
        return error;
    }
}
