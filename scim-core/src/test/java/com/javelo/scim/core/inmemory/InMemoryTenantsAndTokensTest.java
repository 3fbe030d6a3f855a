package com.javelo.scim.core.inmemory;

import com.javelo.scim.core.port.contract.TenantsAndTokensContract;
import com.javelo.scim.core.port.contract.PortsUnderTest;

class InMemoryTenantsAndTokensTest extends TenantsAndTokensContract {
    @Override
    protected PortsUnderTest newPorts() {
        return InMemoryPorts.fresh();
    }
}
