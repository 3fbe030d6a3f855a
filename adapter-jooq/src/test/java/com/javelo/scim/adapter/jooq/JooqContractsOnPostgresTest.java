package com.javelo.scim.adapter.jooq;

import com.javelo.scim.core.port.contract.ActivityLogContract;
import com.javelo.scim.core.port.contract.CustomAttributesContract;
import com.javelo.scim.core.port.contract.EventFeedContract;
import com.javelo.scim.core.port.contract.EventOutboxContract;
import com.javelo.scim.core.port.contract.GroupsContract;
import com.javelo.scim.core.port.contract.PortsUnderTest;
import com.javelo.scim.core.port.contract.TenantsAndTokensContract;
import com.javelo.scim.core.port.contract.UsersContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/**
 * Every port contract suite (scim-core's test-jar) on the jOOQ adapter over Postgres, each test on a
 * fresh database. A new suite is one nested class here and one in its twin for the other database.
 */
class JooqContractsOnPostgresTest {

    private final TestDatabases databases = new TestDatabases();

    private PortsUnderTest ports() {
        return TestDatabases.ports(databases.postgres());
    }

    @AfterEach
    void dropDatabases() {
        databases.close();
    }

    @Nested
    class Users extends UsersContract {
        @Override
        protected PortsUnderTest newPorts() {
            return ports();
        }
    }

    @Nested
    class Groups extends GroupsContract {
        @Override
        protected PortsUnderTest newPorts() {
            return ports();
        }
    }

    @Nested
    class TenantsAndTokens extends TenantsAndTokensContract {
        @Override
        protected PortsUnderTest newPorts() {
            return ports();
        }
    }

    @Nested
    class EventOutbox extends EventOutboxContract {
        @Override
        protected PortsUnderTest newPorts() {
            return ports();
        }
    }

    @Nested
    class EventFeed extends EventFeedContract {
        @Override
        protected PortsUnderTest newPorts() {
            return ports();
        }
    }

    @Nested
    class ActivityLog extends ActivityLogContract {
        @Override
        protected PortsUnderTest newPorts() {
            return ports();
        }
    }

    @Nested
    class CustomAttributes extends CustomAttributesContract {
        @Override
        protected PortsUnderTest newPorts() {
            return ports();
        }
    }
}
