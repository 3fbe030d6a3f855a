package com.javelo.scim.core.inmemory;

import com.javelo.scim.core.port.contract.PortsUnderTest;

/** The in-memory adapters as the contract suites take them. */
final class InMemoryPorts {

    private InMemoryPorts() {}

    static PortsUnderTest fresh() {
        InMemoryAdapters adapters = new InMemoryAdapters();
        return new PortsUnderTest(
                adapters.users(),
                adapters.groups(),
                adapters.tenants(),
                adapters.apiTokens(),
                adapters.outbox(),
                adapters.unitOfWork(),
                adapters.eventFeed(),
                () -> {},
                false,
                adapters.consoleTokens(),
                adapters.activityLog(),
                adapters.figures(),
                adapters.customSchemas());
    }
}
