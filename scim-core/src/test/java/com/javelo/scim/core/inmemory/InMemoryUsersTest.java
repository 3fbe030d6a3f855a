package com.javelo.scim.core.inmemory;

import com.javelo.scim.core.port.contract.PortsUnderTest;
import com.javelo.scim.core.port.contract.UsersContract;

class InMemoryUsersTest extends UsersContract {
    @Override
    protected PortsUnderTest newPorts() {
        return InMemoryPorts.fresh();
    }
}
