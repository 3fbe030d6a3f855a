package com.javelo.scim.domain.error;

/**
 * The writer expected another version than the current one (a lost update was prevented); raised
 * by {@code ExpectedVersion.check}. The versions are plain numbers: this package depends on no other.
 */
public final class StaleVersion extends DomainException {

    private final String resourceId;
    private final long expected;
    private final long current;

    public StaleVersion(String resourceId, long expected, long current) {
        super("resource " + resourceId + " is at version " + current + ", not " + expected
                + "; read it again and retry");
        this.resourceId = resourceId;
        this.expected = expected;
        this.current = current;
    }

    @Override
    public <R> R accept(Cases<R> cases) {
        return cases.staleVersion(this);
    }

    public String resourceId() {
        return resourceId;
    }

    /** @return the version the writer expected ({@code If-Match}) */
    public long expected() {
        return expected;
    }

    /** @return the version stored */
    public long current() {
        return current;
    }
}
