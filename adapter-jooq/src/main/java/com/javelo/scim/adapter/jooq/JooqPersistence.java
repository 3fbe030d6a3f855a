package com.javelo.scim.adapter.jooq;

import com.javelo.scim.adapter.jooq.activity.JooqActivityLog;
import com.javelo.scim.adapter.jooq.activity.JooqProvisioningFigures;
import com.javelo.scim.adapter.jooq.attribute.JooqCustomSchemas;
import com.javelo.scim.adapter.jooq.group.JooqGroups;
import com.javelo.scim.adapter.jooq.group.MemberLocks;
import com.javelo.scim.adapter.jooq.outbox.EventPositions;
import com.javelo.scim.adapter.jooq.outbox.JooqEventFeed;
import com.javelo.scim.adapter.jooq.outbox.JooqEventOutbox;
import com.javelo.scim.adapter.jooq.outbox.JooqEventSequencer;
import com.javelo.scim.adapter.jooq.outbox.JooqSigningKeys;
import com.javelo.scim.adapter.jooq.sql.migration.V10__Unpositioned_events_by_writer;
import com.javelo.scim.adapter.jooq.sql.migration.V8__Unpositioned_events_index;
import com.javelo.scim.adapter.jooq.tenant.JooqApiTokens;
import com.javelo.scim.adapter.jooq.tenant.JooqTenants;
import com.javelo.scim.adapter.jooq.transaction.JooqContext;
import com.javelo.scim.adapter.jooq.transaction.WriteTurns;
import com.javelo.scim.adapter.jooq.user.JooqUsers;
import com.javelo.scim.adapter.jooq.user.UserWrites;
import com.javelo.scim.core.port.ActivityLog;
import com.javelo.scim.core.port.ApiTokens;
import com.javelo.scim.core.port.CustomSchemas;
import com.javelo.scim.core.port.EventFeed;
import com.javelo.scim.core.port.EventOutbox;
import com.javelo.scim.core.port.Groups;
import com.javelo.scim.core.port.ProvisioningFigures;
import com.javelo.scim.core.port.Tenants;
import com.javelo.scim.core.port.TokenHash;
import com.javelo.scim.core.port.UnitOfWork;
import com.javelo.scim.core.port.Users;
import com.javelo.scim.domain.id.TenantId;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

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
    /** The writes that differ between PostgreSQL and H2, chosen once. */
    private final UserWrites userWrites;

    private final MemberLocks memberLocks;
    private final WriteTurns writeTurns;
    private final EventPositions eventPositions;

    private JooqPersistence(
            DataSource dataSource,
            SQLDialect dialect,
            int statementTimeoutSeconds,
            Duration longestWaitForTurn,
            ExecuteListener... listeners) {
        this.dataSource = dataSource;
        this.writeTurns = WriteTurns.forDialect(dialect, longestWaitForTurn);
        // Unqualified, unquoted names: the tables live in the connection's default schema, and
        // shorter SQL is cheaper to render on every request.
        Settings settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withRenderCatalog(false)
                .withRenderSchema(false)
                .withExecuteLogging(false);
        if (statementTimeoutSeconds > 0) {
            // JDBC's query timeout on every statement: PgJDBC cancels it on the server (57014),
            // H2 stops it itself; migrations run through Flyway, outside this bound.
            settings = settings.withQueryTimeout(statementTimeoutSeconds);
        }
        // The listeners see every statement, the pre-rendered ones included (PreRendered shows them its runs).
        this.context = new JooqContext(
                DSL.using(new DefaultConfiguration()
                        .set(dataSource)
                        .set(dialect)
                        .set(settings)
                        .set(listeners)),
                writeTurns);
        this.userWrites = UserWrites.forDialect(context, dialect);
        this.memberLocks = MemberLocks.forDialect(dialect);
        this.eventPositions = EventPositions.forDialect(dialect);
    }

    /** @param dialect {@code POSTGRES} or {@code H2}; statements run without a time limit */
    public static JooqPersistence create(DataSource dataSource, SQLDialect dialect) {
        return new JooqPersistence(dataSource, dialect, 0, Duration.ZERO);
    }

    /**
     * @param dialect {@code POSTGRES} or {@code H2}
     * @param statementTimeoutSeconds how long a statement may run before it is cancelled (and the
     *     request answered "storage unavailable")
     */
    public static JooqPersistence create(DataSource dataSource, SQLDialect dialect, int statementTimeoutSeconds) {
        return create(dataSource, dialect, statementTimeoutSeconds, new ExecuteListener[0]);
    }

    /**
     * @param listeners jOOQ execute listeners (a slow-query log, tracing) shown every statement the
     *     stores run, those they run through {@code sql.PreRendered} included
     * @see #create(DataSource, SQLDialect, int)
     */
    public static JooqPersistence create(
            DataSource dataSource, SQLDialect dialect, int statementTimeoutSeconds, ExecuteListener... listeners) {
        return create(
                dataSource, dialect, statementTimeoutSeconds, Duration.ofSeconds(statementTimeoutSeconds), listeners);
    }

    /**
     * @param longestWaitForTurn on H2, how long a write may wait for its turn ({@link
     *     WriteTurns.OneAtATime}) before the request is answered "storage unavailable": the service
     *     passes the pool's connect timeout, since on H2 the turn is the one connection that may write
     *     (zero: as long as it takes; ignored on PostgreSQL)
     * @see #create(DataSource, SQLDialect, int, ExecuteListener...)
     */
    public static JooqPersistence create(
            DataSource dataSource,
            SQLDialect dialect,
            int statementTimeoutSeconds,
            Duration longestWaitForTurn,
            ExecuteListener... listeners) {
        return new JooqPersistence(dataSource, dialect, statementTimeoutSeconds, longestWaitForTurn, listeners);
    }

    /**
     * @return whether a write transaction can stay open while others commit: on PostgreSQL; on H2
     *     writers take turns ({@link WriteTurns.OneAtATime} says why)
     */
    public boolean writeTransactionsOverlap() {
        return writeTurns instanceof WriteTurns.Concurrent;
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

    /**
     * The newest migration, of the scripts under {@code db/migration} and {@link #JAVA_MIGRATIONS};
     * a test keeps it in step with them. A database already at this version starts without loading
     * Flyway at all.
     */
    static final String SCHEMA_VERSION = "10";

    /** Migrations that differ between the databases, which one script cannot say. */
    static final List<JavaMigration> JAVA_MIGRATIONS =
            List.of(new V8__Unpositioned_events_index(), new V10__Unpositioned_events_by_writer());

    /** Applies pending Flyway migrations (the same scripts on both databases, and {@link #JAVA_MIGRATIONS}). */
    public void migrate() {
        if (!isAtSchemaVersion()) {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .javaMigrations(JAVA_MIGRATIONS.toArray(JavaMigration[]::new))
                    .load()
                    .migrate();
        }
    }

    /** @return whether Flyway's history says the newest migration was applied successfully */
    boolean isAtSchemaVersion() {
        try {
            String applied = context.read(dsl -> dsl.select(DSL.field(DSL.name("version"), String.class))
                    .from(DSL.table(DSL.name("flyway_schema_history")))
                    .where(DSL.field(DSL.name("success"), Boolean.class).isTrue())
                    .orderBy(DSL.field(DSL.name("installed_rank")).desc())
                    .limit(1)
                    .fetchOne(0, String.class));
            return SCHEMA_VERSION.equals(applied);
        } catch (RuntimeException noHistoryYet) {
            return false;
        }
    }

    /**
     * Runs a token look-up and a user query once, so that jOOQ's rendering and the driver's
     * classes are loaded before the first request rather than during it.
     */
    public void warmUp() {
        apiTokens().findTenant(TokenHash.of("warm-up"));
        users().findByUserName(new TenantId("warm-up"), "warm-up");
    }

    public Users users() {
        return new JooqUsers(context, userWrites);
    }

    /** Companies' declarations of their custom attributes (keep them in memory: read on every user request). */
    public CustomSchemas customSchemas() {
        return new JooqCustomSchemas(context);
    }

    public Groups groups() {
        return new JooqGroups(context, memberLocks);
    }

    public Tenants tenants() {
        return new JooqTenants(context);
    }

    public ApiTokens apiTokens() {
        return new JooqApiTokens(context, ApiTokens.Purpose.SCIM);
    }

    /** Company admins' console tokens: hashes, like the SCIM tokens, in the same table. */
    public ApiTokens consoleTokens() {
        return new JooqApiTokens(context, ApiTokens.Purpose.CONSOLE);
    }

    public ActivityLog activityLog() {
        return new JooqActivityLog(context);
    }

    public ProvisioningFigures figures() {
        return new JooqProvisioningFigures(context);
    }

    public EventOutbox outbox() {
        return new JooqEventOutbox(
                new JooqEventFeed(context), new JooqEventSequencer(context, eventPositions, Duration.ofSeconds(1)));
    }

    public EventFeed eventFeed() {
        return new JooqEventFeed(context);
    }

    /**
     * The sequencer that gives committed events their positions (see {@link JooqEventSequencer});
     * {@code start()} it once per process that serves the feed.
     *
     * @param tick how often it looks for events committed by other instances
     */
    public JooqEventSequencer eventSequencer(Duration tick) {
        return new JooqEventSequencer(context, eventPositions, tick);
    }

    /** The key that signs the events' SETs, kept in the database. */
    public JooqSigningKeys signingKeys() {
        return new JooqSigningKeys(context);
    }

    public UnitOfWork unitOfWork() {
        return context;
    }
}
