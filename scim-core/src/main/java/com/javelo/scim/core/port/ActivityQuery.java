package com.javelo.scim.core.port;

/**
 * A page of a tenant's activity log, newest first: at most {@code limit} entries, only failed
 * ones when {@code errorsOnly}, and only those older than the entry {@code before} (the cursor:
 * the last id of the previous page; null for the first page).
 */
public record ActivityQuery(boolean errorsOnly, int limit, Long before) {

    public static final int MAX_LIMIT = 500;

    public ActivityQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
