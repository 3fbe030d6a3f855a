package com.javelo.scim.adapter.jooq.user;

import static com.javelo.scim.adapter.jooq.generated.Tables.EVENTS;
import static com.javelo.scim.adapter.jooq.generated.Tables.USERS;
import static com.javelo.scim.adapter.jooq.generated.Tables.USER_ATTRIBUTE_VALUES;
import static com.javelo.scim.adapter.jooq.generated.Tables.USER_EMAILS;

import com.javelo.scim.adapter.jooq.filter.FilterToCondition;
import com.javelo.scim.adapter.jooq.generated.tables.records.EventsRecord;
import com.javelo.scim.adapter.jooq.generated.tables.records.UserEmailsRecord;
import com.javelo.scim.adapter.jooq.generated.tables.records.UsersRecord;
import com.javelo.scim.adapter.jooq.outbox.JooqEventOutbox;
import com.javelo.scim.adapter.jooq.outbox.JooqEventOutbox.EventRow;
import com.javelo.scim.adapter.jooq.sql.ColumnParams;
import com.javelo.scim.adapter.jooq.sql.Param;
import com.javelo.scim.adapter.jooq.sql.PreRendered;
import com.javelo.scim.adapter.jooq.sql.RowParams;
import com.javelo.scim.adapter.jooq.sql.VersionedUpdate;
import com.javelo.scim.adapter.jooq.user.UserRows.UserEmail;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jooq.CommonTableExpression;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The user statements rendered once ({@link PreRendered}): what every provisioning request runs.
 * Statements whose shape depends on a count (emails, events, keys) are built once per count.
 */
final class UserStatements {

    private UserStatements() {}

    static final Param<String> TENANT = Param.of("tenant", USERS.TENANT_ID);
    static final Param<String> ID = Param.of("id", USERS.ID);

    static final PreRendered BY_ID = byKey(UserRows.READ, false);
    static final PreRendered BY_ID_FOR_UPDATE = byKey(UserRows.READ, true);
    static final PreRendered BY_ID_WITH_GROUPS = byKey(UserRows.READ_WITH_GROUPS, false);
    static final PreRendered BY_ID_WITH_GROUPS_FOR_UPDATE = byKey(UserRows.READ_WITH_GROUPS, true);
    /** Whether a user exists, without reading it. */
    static final PreRendered ID_BY_KEY =
            PreRendered.of(DSL.select(USERS.ID).from(USERS).where(key()), TENANT, ID);

    /** The ids of users among many (an array: one statement, whatever their number; a Group Push sends 100). */
    static final Param<String[]> IDS = Param.texts("ids");

    static final PreRendered EXISTING_AMONG = PreRendered.of(
            DSL.select(USERS.ID)
                    .from(USERS)
                    .where(USERS.TENANT_ID.eq(TENANT.field()).and(Param.anyOf(USERS.ID, IDS))),
            TENANT,
            IDS);

    static final Param<String> USER_NAME_KEY = Param.of("user_name_key", USERS.USER_NAME_KEY);
    static final PreRendered BY_USER_NAME = PreRendered.of(
            DSL.select(UserRows.READ)
                    .from(USERS)
                    .where(DSL.and(USERS.TENANT_ID.eq(TENANT.field()), USERS.USER_NAME_KEY.eq(USER_NAME_KEY.field()))),
            TENANT,
            USER_NAME_KEY);

    /** Every column of a user's row, bound from {@link UserRows#row}. */
    static final ColumnParams ROW = ColumnParams.of("", List.of(USERS.fields()));

    static final PreRendered INSERT = PreRendered.of(insertRow(), ROW);
    static final VersionedUpdate<UsersRecord> VERSIONED =
            VersionedUpdate.of(USERS, List.of(USERS.TENANT_ID, USERS.ID), USERS.VERSION);
    static final PreRendered UPDATE = PreRendered.of(VERSIONED.template(), VERSIONED);

    private static org.jooq.Condition key() {
        return DSL.and(USERS.TENANT_ID.eq(TENANT.field()), USERS.ID.eq(ID.field()));
    }

    private static PreRendered byKey(List<Field<?>> columns, boolean forUpdate) {
        var select = DSL.select(columns).from(USERS).where(key());
        return PreRendered.of(forUpdate ? select.forUpdate() : select, TENANT, ID);
    }

    private static InsertValuesStepN<UsersRecord> insertRow() {
        return DSL.insertInto(USERS).columns(ROW.columns()).values(ROW.fields());
    }

    /** The users whose pending manager reference is one of {@code keys}. */
    record PendingManagers(PreRendered statement, List<Param<String>> keys) {}

    private static final ConcurrentMap<Integer, PendingManagers> PENDING_MANAGERS = new ConcurrentHashMap<>();

    static PendingManagers pendingManagers(int keys) {
        return PreRendered.byShape(PENDING_MANAGERS, keys, keys, count -> {
            List<Param<String>> any = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                any.add(Param.of("key" + i, USERS.MANAGER_VALUE_KEY));
            }
            List<Param<?>> declared = new ArrayList<>(any);
            declared.add(TENANT);
            return new PendingManagers(
                    PreRendered.of(
                            DSL.select(UserRows.READ)
                                    .from(USERS)
                                    .where(USERS.TENANT_ID
                                            .eq(TENANT.field())
                                            .and(USERS.MANAGER_VALUE_KEY.in(any.stream()
                                                    .map(Param::field)
                                                    .toList()))
                                            .and(USERS.MANAGER_ID.isNull()))
                                    .orderBy(USERS.CREATED, USERS.ID),
                            () -> declared),
                    any);
        });
    }

    /** The first page of users whose column equals a value, with their groups (the look-up before every push). */
    record EqualityPage(PreRendered statement, Param<String> value) {}

    static final Param<Integer> LIMIT = Param.of("limit", Integer.class);
    private static final ConcurrentMap<Field<String>, EqualityPage> PAGE_BY_EQUALITY = new ConcurrentHashMap<>();

    static EqualityPage equalityPage(Field<String> column) {
        return PAGE_BY_EQUALITY.computeIfAbsent(column, key -> {
            Param<String> value = Param.of("value", column);
            return new EqualityPage(
                    PreRendered.of(
                            firstPageWhere(FilterToCondition.textEquals(column, value.field())), TENANT, value, LIMIT),
                    value);
        });
    }

    /** The first page of users with a declared attribute's value equal to one, with their groups. */
    record DeclaredEqualityPage(PreRendered statement, Param<String> nameKey, Param<String> value) {}

    private record DeclaredLookUp(Field<String> column, boolean multiValued) {}

    private static final ConcurrentMap<DeclaredLookUp, DeclaredEqualityPage> PAGE_BY_DECLARED_EQUALITY =
            new ConcurrentHashMap<>();

    /**
     * @param multiValued whether any of a user's values may match ({@code EXISTS}); else the value
     *     it shows does, joined (at most one row a user)
     */
    static DeclaredEqualityPage declaredEqualityPage(Field<String> column, boolean multiValued) {
        return PAGE_BY_DECLARED_EQUALITY.computeIfAbsent(new DeclaredLookUp(column, multiValued), key -> {
            Param<String> nameKey = Param.of("name_key", USER_ATTRIBUTE_VALUES.NAME_KEY);
            Param<String> value = Param.of("value", column);
            Select<Record> page = multiValued
                    ? firstPageWhere(FilterToCondition.declaredTextEquals(nameKey.field(), column, value.field()))
                    : firstPageWhere(
                            FilterToCondition.usersWithShownValue(nameKey.field()),
                            FilterToCondition.textEquals(column, value.field()));
            return new DeclaredEqualityPage(PreRendered.of(page, TENANT, nameKey, value, LIMIT), nameKey, value);
        });
    }

    /** A company's first page of users meeting {@code condition}, with their groups, in the default order. */
    private static Select<Record> firstPageWhere(org.jooq.Condition condition) {
        return firstPageWhere(USERS, condition);
    }

    /** The same, from {@code users} or {@code users} joined to at most one row a user. */
    private static Select<Record> firstPageWhere(org.jooq.Table<?> users, org.jooq.Condition condition) {
        return DSL.select(UserRows.READ_WITH_GROUPS)
                .from(users)
                .where(USERS.TENANT_ID.eq(TENANT.field()).and(condition))
                .orderBy(USERS.CREATED.asc(), USERS.ID.asc()) // the stable default order of every page
                .limit(LIMIT.field());
    }

    /** The insert of a user's emails (one row each). */
    record InsertEmails(PreRendered statement, RowParams.Rows<UserEmail> emails) {}

    private static final ConcurrentMap<Integer, InsertEmails> INSERT_EMAILS = new ConcurrentHashMap<>();

    static InsertEmails insertEmails(int emails) {
        return PreRendered.byShape(INSERT_EMAILS, emails, emails, count -> {
            RowParams.Rows<UserEmail> rows = UserRows.EMAIL.rows(count);
            return new InsertEmails(PreRendered.of(emailRows(rows), rows), rows);
        });
    }

    private static InsertValuesStepN<UserEmailsRecord> emailRows(RowParams.Rows<UserEmail> rows) {
        InsertValuesStepN<UserEmailsRecord> insert = DSL.insertInto(USER_EMAILS, UserRows.EMAIL.columns());
        for (int i = 0; i < rows.count(); i++) {
            insert = insert.values(rows.fields(i));
        }
        return insert;
    }

    /** A user's row, its emails and its events in one statement (PostgreSQL). */
    record InsertWithEmailsAndEvents(
            PreRendered statement, RowParams.Rows<UserEmail> emails, RowParams.Rows<EventRow> events) {}

    private static final ConcurrentMap<List<Integer>, InsertWithEmailsAndEvents> INSERT_WITH_EMAILS_AND_EVENTS =
            new ConcurrentHashMap<>();

    /**
     * {@code with new_user as (insert into users …), new_emails as (insert into user_emails …)
     * insert into events …}: PostgreSQL runs the three inserts as one statement (data-modifying
     * WITH), and checks the emails' reference to the user at its end.
     */
    static InsertWithEmailsAndEvents insertWithEmailsAndEvents(int emails, int events) {
        return PreRendered.byShape(
                INSERT_WITH_EMAILS_AND_EVENTS, List.of(emails, events), Math.max(emails, events), shape -> {
                    RowParams.Rows<UserEmail> emailRows = UserRows.EMAIL.rows(emails);
                    RowParams.Rows<EventRow> eventRows = JooqEventOutbox.ROW.rows(events);
                    List<CommonTableExpression<?>> written = new ArrayList<>();
                    written.add(DSL.name("new_user").as(insertRow().returning(USERS.TENANT_ID)));
                    if (emails > 0) {
                        written.add(
                                DSL.name("new_emails").as(emailRows(emailRows).returning(USER_EMAILS.TENANT_ID)));
                    }
                    InsertValuesStepN<EventsRecord> insertEvents =
                            DSL.with(written).insertInto(EVENTS, JooqEventOutbox.ROW.columns());
                    for (int i = 0; i < events; i++) {
                        insertEvents = insertEvents.values(eventRows.fields(i));
                    }
                    return new InsertWithEmailsAndEvents(
                            PreRendered.of(insertEvents, ROW, emailRows, eventRows), emailRows, eventRows);
                });
    }

    /** A user's versioned update and its events in one statement (PostgreSQL). */
    record UpdateWithEvents(PreRendered statement, RowParams.Rows<EventRow> events) {}

    private static final ConcurrentMap<Integer, UpdateWithEvents> UPDATE_WITH_EVENTS = new ConcurrentHashMap<>();

    /**
     * {@code with changed as (update users … where <key> and version = expected) insert into events
     * select … from changed}: the events are inserted once per changed row, so the count says
     * whether the version still matched.
     */
    static UpdateWithEvents updateWithEvents(int events) {
        return PreRendered.byShape(UPDATE_WITH_EVENTS, events, events, count -> {
            RowParams.Rows<EventRow> eventRows = JooqEventOutbox.ROW.rows(count);
            var changed = DSL.name("changed").as(VERSIONED.template().returning(USERS.TENANT_ID));
            Table<?> changedRows = DSL.table(DSL.name("changed"));
            Select<Record> rows = DSL.select(eventRows.fields(0)).from(changedRows);
            for (int i = 1; i < count; i++) {
                rows = rows.unionAll(DSL.select(eventRows.fields(i)).from(changedRows));
            }
            return new UpdateWithEvents(
                    PreRendered.of(
                            DSL.with(changed)
                                    .insertInto(EVENTS, JooqEventOutbox.ROW.columns())
                                    .select(rows),
                            VERSIONED,
                            eventRows),
                    eventRows);
        });
    }
}
