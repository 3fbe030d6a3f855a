package com.javelo.scim.core.port.contract;

import com.javelo.scim.core.port.ActivityLog;
import com.javelo.scim.core.port.ApiTokens;
import com.javelo.scim.core.port.ProvisioningFigures;
import com.javelo.scim.core.port.EventOutbox;
import com.javelo.scim.core.port.Groups;
import com.javelo.scim.core.port.Tenants;
import com.javelo.scim.core.port.UnitOfWork;
import com.javelo.scim.core.port.Users;

/** A fresh, empty set of outbound adapters for one contract test. */
public record PortsUnderTest(
        Users users, Groups groups, Tenants tenants, ApiTokens apiTokens, EventOutbox outbox, UnitOfWork unitOfWork,
        ApiTokens consoleTokens, ActivityLog activityLog, ProvisioningFigures figures) {}
