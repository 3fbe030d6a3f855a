package com.javelo.scim.adapter.jooq;

import com.javelo.scim.core.port.contract.CustomAttributesContract;
import com.javelo.scim.core.port.contract.PortsUnderTest;
import org.junit.jupiter.api.AfterEach;

class JooqCustomAttributesOnPostgresTest extends CustomAttributesContract {

    private final TestDatabases databases = new TestDatabases();

    @Override
    protected PortsUnderTest newPorts() {
        return TestDatabases.ports(databases.postgres());
    }

    @AfterEach
    void dropDatabase() {
        databases.close();
    }
}
