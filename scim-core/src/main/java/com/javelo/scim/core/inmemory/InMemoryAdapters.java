package com.javelo.scim.core.inmemory;

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
 * Every outbound storage port over one shared in-memory state, thread-safe and transactional.
 * Proven against the same contract suites as the jOOQ adapter.
 */
public final class InMemoryAdapters {

    private final InMemoryState state = new InMemoryState();
    private final InMemoryUsers users = new InMemoryUsers(state);
    private final InMemoryGroups groups = new InMemoryGroups(state);
    private final InMemoryTenants tenants = new InMemoryTenants(state);
    private final InMemoryApiTokens apiTokens = new InMemoryApiTokens(state, ApiTokens.Purpose.SCIM);
    private final InMemoryApiTokens consoleTokens = new InMemoryApiTokens(state, ApiTokens.Purpose.CONSOLE);
    private final InMemoryActivityLog activityLog = new InMemoryActivityLog();
    private final InMemoryProvisioningFigures figures = new InMemoryProvisioningFigures(state);
    private final InMemoryEventOutbox outbox = new InMemoryEventOutbox(state);
    private final InMemoryEventFeed eventFeed = new InMemoryEventFeed(state);
    private final InMemoryCustomSchemas customSchemas = new InMemoryCustomSchemas(state);

    public Users users() {
        return users;
    }

    public Groups groups() {
        return groups;
    }

    public Tenants tenants() {
        return tenants;
    }

    public ApiTokens apiTokens() {
        return apiTokens;
    }

    public ApiTokens consoleTokens() {
        return consoleTokens;
    }

    public ActivityLog activityLog() {
        return activityLog;
    }

    public ProvisioningFigures figures() {
        return figures;
    }

    public EventOutbox outbox() {
        return outbox;
    }

    public EventFeed eventFeed() {
        return eventFeed;
    }

    public CustomSchemas customSchemas() {
        return customSchemas;
    }

    public UnitOfWork unitOfWork() {
        return state;
    }
}
