package com.javelo.scim.adapter.jooq;

import com.javelo.scim.core.port.contract.ActivityLogContract;
import com.javelo.scim.core.port.contract.PortsUnderTest;
import org.junit.jupiter.api.AfterEach;

class JooqActivityLogOnH2Test extends ActivityLogContract {

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
