package com.javelo.scim.core.inmemory;

import com.javelo.scim.core.port.contract.PortsUnderTest;
import com.javelo.scim.core.port.contract.TenantsAndTokensContract;

class InMemoryTenantsAndTokensTest extends TenantsAndTokensContract {
    @Override
    protected PortsUnderTest newPorts() {
        return InMemoryPorts.fresh();
    }
}
