package com.javelo.scim.core.port;

import com.javelo.scim.domain.id.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * Outgoing persistence port for the provisioning activity log: what each company's identity
 * provider wrote, what failed and why, and how many reads succeeded per minute. Written in batches
 * by a background thread, never on a request's path; never holds a token, a password or a body.
 */
public interface ActivityLog {

    /** Stores the entries (of any tenants) in one batch. */
    void append(List<ActivityEntry> entries);

    /** Adds the counts to the tenants' per-minute read counters. */
    void countReads(List<ReadCount> counts);

    /** @return the tenant's entries matching the query, newest first */
    List<ActivityEntry> page(TenantId tenant, ActivityQuery query);

    /** @return the successful reads counted for the tenant in the minutes from {@code since} on */
    long readsSince(TenantId tenant, Instant since);

    /**
     * Deletes entries and read counts older than {@code before}, and each tenant's entries beyond
     * its newest {@code keepPerTenant}.
     *
     * @return how many entries were deleted
     */
    long purge(Instant before, int keepPerTenant);
}
