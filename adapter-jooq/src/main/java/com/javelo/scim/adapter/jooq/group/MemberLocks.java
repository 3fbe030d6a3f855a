package com.javelo.scim.adapter.jooq.group;

import static com.javelo.scim.adapter.jooq.generated.Tables.USERS;

import com.javelo.scim.domain.error.UnknownMembers;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * What keeps a membership insert from racing the delete of its user: the one thing about
 * memberships that differs between the databases. Chosen once per database ({@link #forDialect}).
 */
public sealed interface MemberLocks {

    static MemberLocks forDialect(SQLDialect dialect) {
        return dialect.family() == SQLDialect.POSTGRES ? new ForeignKeyCheck() : new UsersFirst();
    }

    /** Runs in the transaction that inserts memberships of {@code users}, before the inserts. */
    void beforeAdding(DSLContext dsl, TenantId tenant, List<UserId> users);

    /**
     * PostgreSQL: the foreign key check locks the user row itself (KEY SHARE); a lost race is a
     * foreign key violation, which SqlErrors answers like any unknown member.
     */
    record ForeignKeyCheck() implements MemberLocks {
        @Override
        public void beforeAdding(DSLContext dsl, TenantId tenant, List<UserId> users) {
            // nothing to do: the insert's own check orders it with a delete
        }
    }

    /**
     * H2: the foreign key check reads the committed user row without locking it, so a user deleted
     * meanwhile could be left a member (the delete's cascade misses the new row). Locking the users
     * first orders the two: a delete that came first leaves them missing, and the change is refused
     * like any unknown member.
     */
    record UsersFirst() implements MemberLocks {

        /** Users locked per statement: a bounded parameter list. */
        private static final int LOCK_CHUNK = 1000;

        @Override
        public void beforeAdding(DSLContext dsl, TenantId tenant, List<UserId> users) {
            Set<String> wanted = users.stream().map(UserId::value).collect(Collectors.toCollection(LinkedHashSet::new));
            // In one order for every request, so two adds sharing users cannot each wait for the other.
            List<String> ids = wanted.stream().sorted().toList();
            for (int from = 0; from < ids.size(); from += LOCK_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOCK_CHUNK));
                wanted.removeAll(dsl.select(USERS.ID)
                        .from(USERS)
                        .where(USERS.TENANT_ID.eq(tenant.value()).and(USERS.ID.in(chunk)))
                        .forUpdate()
                        .fetchSet(USERS.ID));
            }
            if (!wanted.isEmpty()) {
                throw new UnknownMembers(wanted);
            }
        }
    }
}
