package com.javelo.scim.core.port;

import com.javelo.scim.domain.id.TenantId;
import java.util.List;

/** Outgoing port for what a company's console shows of its provisioned directory. */
public interface ProvisioningFigures {

    /** The counts of the tenant's users, groups and pending manager references. */
    record Figures(long activeUsers, long deactivatedUsers, long groups, long pendingManagerReferences) {}

    /** A user whose manager reference names nobody provisioned yet. */
    record PendingManager(String userId, String userName, String managerReference) {}

    Figures figures(TenantId tenant);

    /** @return at most {@code limit} users waiting for their manager, by userName */
    List<PendingManager> pendingManagers(TenantId tenant, int limit);
}
