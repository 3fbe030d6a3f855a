package com.javelo.scim.adapter.jooq;

import com.javelo.scim.adapter.jooq.group.JooqGroups;
import com.javelo.scim.adapter.jooq.outbox.JooqEventOutbox;
import com.javelo.scim.adapter.jooq.tenant.JooqApiTokens;
import com.javelo.scim.adapter.jooq.tenant.JooqTenants;
import com.javelo.scim.adapter.jooq.transaction.JooqContext;
import com.javelo.scim.adapter.jooq.user.JooqUsers;
import com.javelo.scim.core.port.ApiTokens;
import com.javelo.scim.core.port.EventOutbox;
import com.javelo.scim.core.port.Groups;
import com.javelo.scim.core.port.Tenants;
import com.javelo.scim.core.port.UnitOfWork;
import com.javelo.scim.core.port.Users;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Every storage port on one database, PostgreSQL or H2. For example:
 *
 * <pre>{@code
 * JooqPersistence persistence = JooqPersistence.create(dataSource);
 * persistence.migrate();
 * Users users = persistence.users();
 * }</pre>
 */
public final class JooqPersistence {

    private final DataSource dataSource;
    private final JooqContext context;

    private JooqPersistence(DataSource dataSource, SQLDialect dialect) {
        this.dataSource = dataSource;
        // Unqualified, unquoted names: the tables live in the connection's default schema, and
        // shorter SQL is cheaper to render on every request.
        Settings settings = new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withRenderCatalog(false).withRenderSchema(false).withExecuteLogging(false);
        this.context = new JooqContext(DSL.using(dataSource, dialect, settings));
    }

    /** @param dialect {@code POSTGRES} or {@code H2} */
    public static JooqPersistence create(DataSource dataSource, SQLDialect dialect) {
        return new JooqPersistence(dataSource, dialect);
    }

    /** Chooses the dialect from a JDBC URL: {@code jdbc:postgresql:…} is PostgreSQL, {@code jdbc:h2:…} H2. */
    public static SQLDialect dialectOf(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return SQLDialect.POSTGRES;
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return SQLDialect.H2;
        }
        throw new IllegalArgumentException("unsupported database URL (use jdbc:postgresql: or jdbc:h2:)");
    }

    /** Applies pending Flyway migrations (the same scripts on both databases). */
    public void migrate() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    public Users users() {
        return new JooqUsers(context);
    }

    public Groups groups() {
        return new JooqGroups(context);
    }

    public Tenants tenants() {
        return new JooqTenants(context);
    }

    public ApiTokens apiTokens() {
        return new JooqApiTokens(context);
    }

    public EventOutbox outbox() {
        return new JooqEventOutbox(context);
    }

    public UnitOfWork unitOfWork() {
        return context;
    }
}
