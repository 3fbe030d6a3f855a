package com.javelo.scim.core.inmemory;

import com.javelo.scim.core.port.contract.CustomAttributesContract;
import com.javelo.scim.core.port.contract.PortsUnderTest;

class InMemoryCustomAttributesTest extends CustomAttributesContract {
    @Override
    protected PortsUnderTest newPorts() {
        return InMemoryPorts.fresh();
    }
}
