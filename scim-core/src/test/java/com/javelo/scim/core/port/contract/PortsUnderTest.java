package com.javelo.scim.core.port.contract;

import com.javelo.scim.core.port.ActivityLog;
import com.javelo.scim.core.port.ApiTokens;
import com.javelo.scim.core.port.CustomSchemas;
import com.javelo.scim.core.port.EventFeed;
import com.javelo.scim.core.port.EventOutbox;
import com.javelo.scim.core.port.Groups;
import com.javelo.scim.core.port.ProvisioningFigures;
import com.javelo.scim.core.port.Tenants;
import com.javelo.scim.core.port.UnitOfWork;
import com.javelo.scim.core.port.Users;

/**
 * A fresh, empty set of outbound adapters for one contract test.
 *
 * @param sequencer gives committed events their positions (a no-op where writing does)
 * @param overlappingTransactions whether one transaction can stay open while others commit
 *     (not in memory, where a unit of work holds the one lock, nor on H2, where writers take turns)
 */
public record PortsUnderTest(
        Users users,
        Groups groups,
        Tenants tenants,
        ApiTokens apiTokens,
        EventOutbox outbox,
        UnitOfWork unitOfWork,
        EventFeed eventFeed,
        Runnable sequencer,
        boolean overlappingTransactions,
        ApiTokens consoleTokens,
        ActivityLog activityLog,
        ProvisioningFigures figures,
        CustomSchemas customSchemas) {}
