package com.javelo.scim.adapter.jooq.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.core.protocol.error.ScimType;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

/** The two databases' messages for refused values, as they print them: the value never gets out. */
class SqlErrorsTest {

    private static final String VALUE = "bjensen-secret@example.com";

    private static ScimException translated(String state, String message) {
        RuntimeException translated = SqlErrors.translate(
                new DataAccessException("SQL [insert ...]; " + message, new SQLException(message, state)));
        assertThat(translated).isInstanceOf(ScimException.class);
        assertThat(((ScimException) translated).error().detail()).doesNotContain(VALUE);
        assertThat(translated.getCause()).isInstanceOf(DataAccessException.class); // for the store; never logged
        return (ScimException) translated;
    }

    @Test
    void aValueTooLongIsInvalidValueNamingTheAttributeWhereTheDatabaseNamesTheColumn() {
        ScimException h2 = translated(
                "22001",
                "Value too long for column \"USER_NAME_KEY CHARACTER VARYING(1024)\": \"'" + VALUE
                        + "' (2048)\"; SQL statement:\ninsert into users ...");
        assertThat(h2.error().status()).isEqualTo(400);
        assertThat(h2.error().scimType()).isEqualTo(ScimType.INVALID_VALUE);
        assertThat(h2.error().detail()).contains("'userName'", "22001");
        ScimException postgres = translated("22001", "ERROR: value too long for type character varying(1024)");
        assertThat(postgres.error().detail()).contains("a value", "22001");
    }

    @Test
    void aUniqueViolationIsUniquenessAndAForeignKeyOnMembersAnUnknownMember() {
        ScimException unique = translated(
                "23505",
                "ERROR: duplicate key value violates unique constraint"
                        + " \"users_by_user_name\"\n  Detail: Key (tenant_id, user_name_key)=(t, " + VALUE
                        + ") already exists.");
        assertThat(unique.error().status()).isEqualTo(409);
        assertThat(unique.error().scimType()).isEqualTo(ScimType.UNIQUENESS);
        assertThat(unique.error().detail()).contains("'userName'");
        ScimException h2Unique = translated(
                "23505",
                "Unique index or primary key violation: \"PUBLIC.USERS_BY_USER_NAME"
                        + " ON PUBLIC.USERS(TENANT_ID NULLS FIRST, USER_NAME_KEY NULLS FIRST) VALUES ( /* 2 */ 't', '"
                        + VALUE
                        + "' )\"");
        assertThat(h2Unique.error().detail()).contains("'userName'");
        ScimException foreignKey = translated(
                "23503",
                "ERROR: insert or update on table \"group_members\" violates"
                        + " foreign key constraint \"group_members_tenant_id_user_id_fkey\"\n  Detail: Key (tenant_id, user_id)=(t, "
                        + VALUE + ") is not present in table \"users\".");
        assertThat(foreignKey.error().status()).isEqualTo(400);
        assertThat(foreignKey.error().detail()).contains("member");
        ScimException h2ForeignKey = translated(
                "23506",
                "Referential integrity constraint violation: \"CONSTRAINT_8D:"
                        + " PUBLIC.GROUP_MEMBERS FOREIGN KEY(TENANT_ID, USER_ID) REFERENCES PUBLIC.USERS(TENANT_ID, ID) ('t', '"
                        + VALUE + "')\"");
        assertThat(h2ForeignKey.error().status()).isEqualTo(400);
        assertThat(h2ForeignKey.error().detail()).contains("no longer, a User");
        ScimException emailsForeignKey = translated(
                "23506",
                "Referential integrity constraint violation: \"CONSTRAINT_1:"
                        + " PUBLIC.USER_EMAILS FOREIGN KEY(TENANT_ID, USER_ID) REFERENCES PUBLIC.USERS(TENANT_ID, ID) ('t', '"
                        + VALUE + "')\"");
        assertThat(emailsForeignKey.error().detail()).doesNotContain("member");
    }

    @Test
    void aBatchsChainedExceptionIsRead() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "23503", new int[0]);
        batch.setNextException(new SQLException(
                "ERROR: insert or update on table \"group_members\" violates foreign"
                        + " key constraint \"group_members_tenant_id_user_id_fkey\"",
                "23503"));
        RuntimeException translated = SqlErrors.translate(new DataAccessException("SQL [...]", batch));
        assertThat(translated).isInstanceOf(ScimException.class);
        assertThat(((ScimException) translated).error().status()).isEqualTo(400);
    }

    @Test
    void otherFailuresKeepTheirStackAndSqlStateButNotTheMessage() {
        DataAccessException syntax = new DataAccessException(
                "SQL [insert ... values ('" + VALUE + "')]",
                new SQLException("ERROR: syntax error near '" + VALUE + "'", "42601"));
        RuntimeException translated = SqlErrors.translate(syntax);
        assertThat(translated).isInstanceOf(SqlErrors.StatementFailed.class).hasNoCause();
        assertThat(translated.getMessage())
                .contains("42601", "java.sql.SQLException")
                .doesNotContain(VALUE);
        assertThat(translated.getStackTrace()).isEqualTo(syntax.getStackTrace());
    }
}
