package com.javelo.scim.core.inmemory;

import com.javelo.scim.core.port.contract.GroupsContract;
import com.javelo.scim.core.port.contract.PortsUnderTest;

class InMemoryGroupsTest extends GroupsContract {
    @Override
    protected PortsUnderTest newPorts() {
        return InMemoryPorts.fresh();
    }
}
