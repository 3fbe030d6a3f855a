package com.javelo.scim.adapter.jooq;

import com.javelo.scim.core.port.contract.EventOutboxContract;
import com.javelo.scim.core.port.contract.PortsUnderTest;
import org.junit.jupiter.api.AfterEach;

class JooqEventOutboxOnPostgresTest extends EventOutboxContract {

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
