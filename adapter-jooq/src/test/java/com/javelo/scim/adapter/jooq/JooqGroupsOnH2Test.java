package com.javelo.scim.adapter.jooq;

import com.javelo.scim.core.port.contract.GroupsContract;
import com.javelo.scim.core.port.contract.PortsUnderTest;
import org.junit.jupiter.api.AfterEach;

class JooqGroupsOnH2Test extends GroupsContract {

    private final TestDatabases databases = new TestDatabases();

    @Override
    protected PortsUnderTest newPorts() {
        return TestDatabases.ports(databases.h2());
    }

    @AfterEach
    void dropDatabase() {
        databases.close();
    }
}
