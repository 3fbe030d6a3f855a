package com.javelo.scim.adapter.jooq.sql.migration;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A migration that only PostgreSQL needs, or only PostgreSQL can run: on H2 it is recorded as
 * applied and does nothing.
 */
abstract class PostgresOnlyMigration extends BaseJavaMigration {

    @Override
    public final void migrate(Context context) throws Exception {
        String database = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equals(database)) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            migrateOnPostgres(statement);
        }
    }

    /** Runs the migration's statements on PostgreSQL. */
    protected abstract void migrateOnPostgres(Statement statement) throws SQLException;
}
