package com.javelo.scim.adapter.jooq.user;

import com.javelo.scim.adapter.jooq.attribute.AttributeValues;
import com.javelo.scim.adapter.jooq.outbox.JooqEventOutbox;
import com.javelo.scim.adapter.jooq.transaction.JooqContext;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.resource.ExpectedVersion;
import com.javelo.scim.domain.user.User;
import java.util.List;

/**
 * PostgreSQL: a user's row, its emails and its events in one statement (data-modifying WITH),
 * atomic by itself, one round trip; what one statement cannot do goes to {@link TransactionalUserWrites}.
 */
final class OneStatementUserWrites implements UserWrites {

    private final JooqContext context;
    private final TransactionalUserWrites otherwise;

    OneStatementUserWrites(JooqContext context, TransactionalUserWrites otherwise) {
        this.context = context;
        this.otherwise = otherwise;
    }

    @Override
    public void insert(User user, List<DomainEvent> events, EventDetails details) {
        // A person with custom attributes gets their value rows too (AttributeValues): a transaction.
        if (events.isEmpty() || !user.profile().custom().isEmpty()) {
            otherwise.insert(user, events, details);
            return;
        }
        context.statement(dsl -> {
            UserStatements.InsertWithEmailsAndEvents insert = UserStatements.insertWithEmailsAndEvents(
                    user.profile().emails().size(), events.size());
            return insert.statement()
                    .call()
                    .withColumns(UserStatements.ROW, UserRows.row(dsl, user))
                    .withRows(insert.emails(), UserRows.emails(user))
                    .withRows(insert.events(), JooqEventOutbox.rows(events, details))
                    .execute(dsl);
        });
        context.eventsWritten();
    }

    @Override
    public void update(User current, User changed, List<DomainEvent> events, EventDetails details) {
        // A delete and an insert of the same email keys cannot share one statement.
        if (!current.profile().emails().equals(changed.profile().emails())
                || events.isEmpty()
                || AttributeValues.changes(current, changed)) {
            otherwise.update(current, changed, events, details);
            return;
        }
        long expected = current.meta().version().value();
        // The row and its events in one statement, the events written only if the row was.
        int written = context.statement(dsl -> {
            UserStatements.UpdateWithEvents update = UserStatements.updateWithEvents(events.size());
            return UserStatements.VERSIONED
                    .bind(update.statement().call(), UserRows.row(dsl, changed), expected)
                    .withRows(update.events(), JooqEventOutbox.rows(events, details))
                    .execute(dsl);
        });
        if (written == 0) {
            throw context.read(dsl -> JooqUsers.refused(
                    dsl, changed, ExpectedVersion.of(current.meta().version())));
        }
        context.eventsWritten();
    }
}
