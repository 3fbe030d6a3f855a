package com.javelo.scim.adapter.jooq;

import com.javelo.scim.core.port.contract.EventFeedContract;
import com.javelo.scim.core.port.contract.PortsUnderTest;
import org.junit.jupiter.api.AfterEach;

class JooqEventFeedOnPostgresTest extends EventFeedContract {

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
