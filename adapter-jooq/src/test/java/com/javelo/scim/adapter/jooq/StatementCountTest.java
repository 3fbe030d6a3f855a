package com.javelo.scim.adapter.jooq;

import static com.javelo.scim.core.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.core.protocol.json.CustomSchemaJson;
import com.javelo.scim.core.protocol.json.ScimJson;
import com.javelo.scim.core.protocol.json.UserJson;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.resource.Change;
import com.javelo.scim.domain.tenant.Tenant;
import com.javelo.scim.domain.user.CustomAttributes;
import com.javelo.scim.domain.user.User;
import com.javelo.scim.domain.user.UserProfile;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Issue #15's performance rule, counted: a person without custom attributes is still created and
 * deactivated in one statement each on PostgreSQL (custom attributes cost statements only to
 * people who have some); a declaration that makes carried values declared costs statements per
 * page of people, not per person.
 */
class StatementCountTest {

    private final AtomicInteger statements = new AtomicInteger();
    private final String schema =
            "scim_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    @AfterEach
    void dropSchema() {
        TestDatabases.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private JooqPersistence counted() {
        TestDatabases.requirePostgres();
        TestDatabases.execute("CREATE SCHEMA " + schema);
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setUrl(TestDatabases.POSTGRES_URL + (TestDatabases.POSTGRES_URL.contains("?") ? "&" : "?")
                + "currentSchema=" + schema);
        postgres.setUser(TestDatabases.POSTGRES_USER);
        DataSource counting = (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = method.invoke(postgres, args);
                    return result instanceof Connection connection ? countingConnection(connection) : result;
                });
        JooqPersistence persistence = JooqPersistence.create(counting, SQLDialect.POSTGRES);
        persistence.migrate();
        return persistence;
    }

    private Connection countingConnection(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare")
                            || method.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    return method.invoke(connection, args);
                });
    }

    @Test
    void aPersonWithoutCustomAttributesCostsOneStatementToCreateAndOneToDeactivate() {
        JooqPersistence persistence = counted();
        TenantId tenant = new TenantId(UUID.randomUUID().toString());
        persistence.tenants().insert(new Tenant(tenant, "Acme", Instant.now()));
        Instant now = Instant.parse("2026-01-01T09:00:00Z");
        Change<User> created = aUser().in(tenant)
                .withUserName("ada@acme.com")
                .withEmails("ada@acme.com")
                .provision(now);

        statements.set(0);
        persistence.users().insert(created.after(), created.events());
        assertThat(statements.get()).isEqualTo(1);

        Change<User> deactivated = created.after().deactivate(now.plusSeconds(1));
        statements.set(0);
        persistence.users().update(created.after(), deactivated.after(), deactivated.events());
        assertThat(statements.get()).isEqualTo(1);
    }

    @Test
    void aPersonWithCustomAttributesGetsItsValueRowsWrittenWithIt() {
        JooqPersistence persistence = counted();
        TenantId tenant = new TenantId(UUID.randomUUID().toString());
        persistence.tenants().insert(new Tenant(tenant, "Acme", Instant.now()));
        Instant now = Instant.parse("2026-01-01T09:00:00Z");
        Change<User> plain = aUser().in(tenant).withUserName("ada@acme.com").provision(now);
        User user = plain.after();
        Change<User> withCustom = user.replace(
                user.profile().withCustom(new CustomAttributes(Map.of("level", List.of("Senior")))),
                true,
                null,
                now.plusSeconds(1));
        persistence.users().insert(user, plain.events());

        persistence.users().update(user, withCustom.after(), withCustom.events());

        assertThat(persistence.customSchemas().storedValues(tenant, "LEVEL")).containsExactly("Senior");
    }

    @Test
    void aDeclarationMakesCarriedValuesDeclaredWithStatementsPerPageOfPeopleNotPerPerson() throws Exception {
        JooqPersistence persistence = counted();
        TenantId tenant = new TenantId(UUID.randomUUID().toString());
        persistence.tenants().insert(new Tenant(tenant, "Acme", Instant.now()));
        Instant now = Instant.parse("2026-01-01T09:00:00Z");
        for (int i = 0; i < 300; i++) {
            // Two in three carry a level sent before it was declared.
            String extension = i % 3 == 2 ? "" : ",\"" + CustomSchema.URN + "\":{\"level\":\"L" + i + "\"}";
            UserProfile profile = UserJson.read(
                            ScimJson.mapper().readTree("{\"userName\":\"p" + i + "@acme.com\"" + extension + "}"))
                    .profile();
            Change<User> created =
                    aUser().in(tenant).withUserName("p" + i + "@acme.com").provision(now);
            persistence
                    .users()
                    .insert(created.after().replace(profile, true, null, now).after(), created.events());
        }
        CustomSchema declared = CustomSchemaJson.read(
                ScimJson.mapper().readTree("{\"attributes\":[{\"name\":\"level\",\"type\":\"string\"}]}"));

        statements.set(0);
        persistence.unitOfWork().inTransaction(() -> {
            persistence.users().reviseCarrying(tenant, CustomSchema.URN, p -> UserJson.promoteCarried(p, declared));
            return null;
        });

        // One page: the locking read, the batch of profiles, one delete and one insert of value rows.
        assertThat(statements.get()).isEqualTo(4);
        assertThat(persistence.customSchemas().storedValues(tenant, "level")).hasSize(200);
    }
}
