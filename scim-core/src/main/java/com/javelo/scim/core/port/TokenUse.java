package com.javelo.scim.core.port;

import java.time.Instant;

/**
 * A tenant's unrevoked token: when it was issued and, as recorded in the background (so up to a
 * minute late), when and by which client ({@code User-Agent}) it was last used.
 */
public record TokenUse(Instant issuedAt, Instant lastUsedAt, String lastClient) {}
