package com.javelo.scim.core.inmemory;

import com.javelo.scim.core.port.contract.UsersContract;
import com.javelo.scim.core.port.contract.PortsUnderTest;

class InMemoryUsersTest extends UsersContract {
    @Override
    protected PortsUnderTest newPorts() {
        return InMemoryPorts.fresh();
    }
}
