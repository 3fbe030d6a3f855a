package com.javelo.scim.core.inmemory;

import com.javelo.scim.core.port.contract.ActivityLogContract;
import com.javelo.scim.core.port.contract.PortsUnderTest;

class InMemoryActivityLogTest extends ActivityLogContract {
    @Override
    protected PortsUnderTest newPorts() {
        return InMemoryPorts.fresh();
    }
}
