package com.javelo.scim.core.port;

import com.javelo.scim.domain.id.TenantId;
import java.time.Instant;

/** {@code reads} successful SCIM reads of a tenant in the minute starting at {@code minute}. */
public record ReadCount(TenantId tenant, Instant minute, long reads) {}
