package com.javelo.scim.core.inmemory;

import com.javelo.scim.core.port.contract.EventFeedContract;
import com.javelo.scim.core.port.contract.PortsUnderTest;

class InMemoryEventFeedTest extends EventFeedContract {
    @Override
    protected PortsUnderTest newPorts() {
        return InMemoryPorts.fresh();
    }
}
