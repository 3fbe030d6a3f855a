package com.javelo.scim.adapter.jooq;

import com.javelo.scim.core.port.contract.CustomAttributesContract;
import com.javelo.scim.core.port.contract.PortsUnderTest;
import org.junit.jupiter.api.AfterEach;

class JooqCustomAttributesOnH2Test extends CustomAttributesContract {

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
