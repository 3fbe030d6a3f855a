package com.javelo.scim.core.inmemory;

import com.javelo.scim.core.port.contract.EventOutboxContract;
import com.javelo.scim.core.port.contract.PortsUnderTest;

class InMemoryEventOutboxTest extends EventOutboxContract {
    @Override
    protected PortsUnderTest newPorts() {
        return InMemoryPorts.fresh();
    }
}
