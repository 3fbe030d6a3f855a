package com.javelo.scim.adapter.jooq;

import com.javelo.scim.core.port.contract.TenantsAndTokensContract;
import com.javelo.scim.core.port.contract.PortsUnderTest;
import org.junit.jupiter.api.AfterEach;

class JooqTenantsAndTokensOnPostgresTest extends TenantsAndTokensContract {

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
