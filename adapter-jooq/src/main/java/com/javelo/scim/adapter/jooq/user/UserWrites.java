package com.javelo.scim.adapter.jooq.user;

import com.javelo.scim.adapter.jooq.transaction.JooqContext;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.user.User;
import java.util.List;
import org.jooq.SQLDialect;

/**
 * How a user's row, its emails and its events are written: the one thing about users that
 * differs between the databases. Chosen once per database ({@link #forDialect}).
 */
public sealed interface UserWrites permits OneStatementUserWrites, TransactionalUserWrites {

    /** PostgreSQL writes the tables in one statement where it can; H2 has no data-modifying WITH. */
    static UserWrites forDialect(JooqContext context, SQLDialect dialect) {
        TransactionalUserWrites transactional = new TransactionalUserWrites(context);
        return dialect.family() == SQLDialect.POSTGRES
                ? new OneStatementUserWrites(context, transactional)
                : transactional;
    }

    void insert(User user, List<DomainEvent> events, EventDetails details);

    /** @throws com.javelo.scim.domain.error.StaleVersion when the stored row is no longer at current's version */
    void update(User current, User changed, List<DomainEvent> events, EventDetails details);
}
