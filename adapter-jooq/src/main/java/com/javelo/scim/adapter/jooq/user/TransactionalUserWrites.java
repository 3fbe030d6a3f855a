package com.javelo.scim.adapter.jooq.user;

import static com.javelo.scim.adapter.jooq.generated.Tables.USER_EMAILS;

import com.javelo.scim.adapter.jooq.attribute.AttributeValues;
import com.javelo.scim.adapter.jooq.outbox.JooqEventOutbox;
import com.javelo.scim.adapter.jooq.transaction.JooqContext;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.resource.ExpectedVersion;
import com.javelo.scim.domain.user.User;
import java.util.List;
import org.jooq.DSLContext;

/**
 * One statement per table in one transaction: H2 (no data-modifying WITH), and PostgreSQL when the
 * emails change (a delete and an insert of the same email keys cannot share one statement) or no
 * event is written.
 */
final class TransactionalUserWrites implements UserWrites {

    private final JooqContext context;

    TransactionalUserWrites(JooqContext context) {
        this.context = context;
    }

    @Override
    public void insert(User user, List<DomainEvent> events, EventDetails details) {
        context.transaction(dsl -> {
            UserStatements.INSERT
                    .call()
                    .withColumns(UserStatements.ROW, UserRows.row(dsl, user))
                    .execute(dsl);
            insertEmails(dsl, user);
            AttributeValues.insert(dsl, user);
            JooqEventOutbox.append(dsl, events, details);
            context.eventsWritten();
            return null;
        });
    }

    @Override
    public void update(User current, User changed, List<DomainEvent> events, EventDetails details) {
        // The email rows only follow the emails: a deactivation or a rename leaves them alone.
        boolean emailsChanged =
                !current.profile().emails().equals(changed.profile().emails());
        long expected = current.meta().version().value();
        context.transaction(dsl -> {
            int updated = UserStatements.VERSIONED
                    .bind(UserStatements.UPDATE.call(), UserRows.row(dsl, changed), expected)
                    .execute(dsl);
            if (updated == 0) {
                throw JooqUsers.refused(
                        dsl, changed, ExpectedVersion.of(current.meta().version()));
            }
            if (emailsChanged) {
                dsl.deleteFrom(USER_EMAILS)
                        .where(USER_EMAILS
                                .TENANT_ID
                                .eq(changed.tenantId().value())
                                .and(USER_EMAILS.USER_ID.eq(changed.id().value())))
                        .execute();
                insertEmails(dsl, changed);
            }
            AttributeValues.replace(dsl, current, changed);
            JooqEventOutbox.append(dsl, events, details);
            context.eventsWritten();
            return null;
        });
    }

    private static void insertEmails(DSLContext dsl, User user) {
        int emails = user.profile().emails().size();
        if (emails > 0) {
            UserStatements.InsertEmails insert = UserStatements.insertEmails(emails);
            insert.statement()
                    .call()
                    .withRows(insert.emails(), UserRows.emails(user))
                    .execute(dsl);
        }
    }
}
