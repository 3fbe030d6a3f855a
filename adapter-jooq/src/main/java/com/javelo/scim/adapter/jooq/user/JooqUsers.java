package com.javelo.scim.adapter.jooq.user;

import static com.javelo.scim.adapter.jooq.generated.Tables.EVENTS;
import static com.javelo.scim.adapter.jooq.generated.Tables.GROUP_MEMBERS;
import static com.javelo.scim.adapter.jooq.generated.Tables.SCIM_GROUPS;
import static com.javelo.scim.adapter.jooq.generated.Tables.USERS;
import static com.javelo.scim.adapter.jooq.generated.Tables.USER_EMAILS;
import static com.javelo.scim.adapter.jooq.generated.Tables.USER_TOMBSTONES;

import com.javelo.scim.adapter.jooq.attribute.AttributeValues;
import com.javelo.scim.adapter.jooq.filter.FilterToCondition;
import com.javelo.scim.adapter.jooq.filter.ResourceColumns;
import com.javelo.scim.adapter.jooq.generated.tables.records.EventsRecord;
import com.javelo.scim.adapter.jooq.generated.tables.records.UserEmailsRecord;
import com.javelo.scim.adapter.jooq.generated.tables.records.UsersRecord;
import com.javelo.scim.adapter.jooq.outbox.JooqEventOutbox;
import com.javelo.scim.adapter.jooq.transaction.JooqContext;
import com.javelo.scim.adapter.jooq.transaction.PreRendered;
import com.javelo.scim.adapter.jooq.transaction.SqlErrors;
import com.javelo.scim.core.port.Page;
import com.javelo.scim.core.port.ResourceQuery;
import com.javelo.scim.core.port.UserWithGroups;
import com.javelo.scim.core.port.Users;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.core.protocol.json.UserProfileJson;
import com.javelo.scim.domain.error.StaleVersion;
import com.javelo.scim.domain.error.UnknownUser;
import com.javelo.scim.domain.error.UserNameAlreadyTaken;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.group.GroupMembership;
import com.javelo.scim.domain.id.GroupId;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.resource.ExpectedVersion;
import com.javelo.scim.domain.resource.ResourceMeta;
import com.javelo.scim.domain.resource.Version;
import com.javelo.scim.domain.user.ManagerReference;
import com.javelo.scim.domain.user.MultiValue;
import com.javelo.scim.domain.user.User;
import com.javelo.scim.domain.user.UserName;
import com.javelo.scim.domain.user.UserOrigin;
import com.javelo.scim.domain.user.UserProfile;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Users in PostgreSQL or H2: typed columns for filters and sorting, the profile as SCIM JSON, one
 * row per email. The unique index on the case-folded userName decides every race.
 */
public final class JooqUsers implements Users {

    /** A user's groups as a nested collection of the user's row (MULTISET: one query for a page). */
    private static final Field<List<GroupMembership>> GROUPS = DSL.multiset(
                    DSL.select(SCIM_GROUPS.ID, SCIM_GROUPS.DISPLAY_NAME)
                            .from(GROUP_MEMBERS)
                            .join(SCIM_GROUPS).on(SCIM_GROUPS.TENANT_ID.eq(GROUP_MEMBERS.TENANT_ID)
                                    .and(SCIM_GROUPS.ID.eq(GROUP_MEMBERS.GROUP_ID)))
                            .where(GROUP_MEMBERS.TENANT_ID.eq(USERS.TENANT_ID).and(GROUP_MEMBERS.USER_ID.eq(USERS.ID)))
                            .orderBy(SCIM_GROUPS.CREATED, SCIM_GROUPS.ID))
            .as("user_groups")
            .convertFrom(groups -> groups.map(group -> new GroupMembership(new GroupId(group.value1()), group.value2())));

    /** Each column's "eq" look-up with the users' groups (see {@link FilterToCondition.TextEquality}). */
    private static final ConcurrentMap<Field<String>, PreRendered> PAGE_BY_EQUALITY = new ConcurrentHashMap<>();

    /**
     * The columns a user is read back from: the profile holds every SCIM attribute (the other
     * columns repeat some of them for filters and sorting, and reading them back would cost the
     * database and the driver more than half the row for nothing).
     */
    private static final List<Field<?>> READ = List.of(USERS.TENANT_ID, USERS.ID, USERS.PROFILE, USERS.ACTIVE,
            USERS.MANAGER_VALUE, USERS.MANAGER_ID, USERS.ORIGIN, USERS.CREATED, USERS.LAST_MODIFIED, USERS.VERSION);
    private static final List<Field<?>> READ_WITH_GROUPS = Stream.concat(READ.stream(), Stream.of(GROUPS)).toList();

    private static final List<Field<?>> KEY = List.of(USERS.TENANT_ID, USERS.ID);
    private static final PreRendered BY_ID = PreRendered.selectByKey(READ, USERS, KEY, false);
    private static final PreRendered BY_ID_FOR_UPDATE = PreRendered.selectByKey(READ, USERS, KEY, true);
    private static final PreRendered ID_BY_KEY = PreRendered.columnByKey(USERS.ID, USERS, KEY);
    /** The ids of users among many (an array: one statement, whatever their number; a Group Push sends 100). */
    private static final PreRendered EXISTING_AMONG = PreRendered.of(DSL.select(USERS.ID).from(USERS)
            .where(USERS.TENANT_ID.eq(DSL.param("tenant", USERS.TENANT_ID)).and(PreRendered.anyOf(USERS.ID, "ids"))));
    private static final PreRendered BY_USER_NAME = PreRendered.selectByKey(READ, USERS,
            List.of(USERS.TENANT_ID, USERS.USER_NAME_KEY), false);
    private static final PreRendered INSERT = PreRendered.insertRow(USERS);
    private static final PreRendered UPDATE = PreRendered.versionedUpdate(USERS, KEY, USERS.VERSION);

    private static final PreRendered BY_ID_WITH_GROUPS = PreRendered.selectByKey(READ_WITH_GROUPS, USERS, KEY, false);
    private static final PreRendered BY_ID_WITH_GROUPS_FOR_UPDATE = PreRendered.selectByKey(READ_WITH_GROUPS, USERS,
            KEY, true);

    private static final List<Field<?>> EMAIL_COLUMNS = List.of(USER_EMAILS.TENANT_ID, USER_EMAILS.USER_ID,
            USER_EMAILS.ORDINAL, USER_EMAILS.EMAIL, USER_EMAILS.EMAIL_KEY, USER_EMAILS.EMAIL_TYPE, USER_EMAILS.IS_PRIMARY);
    private static final ConcurrentMap<Integer, PreRendered> INSERT_EMAILS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<List<Integer>, PreRendered> INSERT_WITH_EMAILS_AND_EVENTS =
            new ConcurrentHashMap<>();
    private static final ConcurrentMap<Integer, PreRendered> UPDATE_WITH_EVENTS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<Integer, PreRendered> PENDING_MANAGER_REFERENCES = new ConcurrentHashMap<>();

    private final JooqContext context;

    public JooqUsers(JooqContext context) {
        this.context = context;
    }

    @Override
    public Optional<User> findById(TenantId tenant, UserId id) {
        // Inside a unit of work the row is read to be changed: lock it, so concurrent writers
        // queue instead of failing on the version check.
        PreRendered byId = context.inUnitOfWork() ? BY_ID_FOR_UPDATE : BY_ID;
        return context.read(dsl -> byId.fetchOptional(dsl, key(tenant, id))
                .map(JooqUsers::user));
    }

    @Override
    public Optional<UserWithGroups> findByIdWithGroups(TenantId tenant, UserId id) {
        PreRendered byId = context.inUnitOfWork() ? BY_ID_WITH_GROUPS_FOR_UPDATE : BY_ID_WITH_GROUPS;
        return context.read(dsl -> byId.fetchOptional(dsl, key(tenant, id))
                .map(row -> new UserWithGroups(user(row), row.get(GROUPS))));
    }

    @Override
    public Optional<User> findByUserName(TenantId tenant, String userName) {
        return context.read(dsl -> BY_USER_NAME.fetchOptional(dsl, Map.of(USERS.TENANT_ID.getName(), tenant.value(),
                        USERS.USER_NAME_KEY.getName(), UserName.normalize(userName)))
                .map(JooqUsers::user));
    }

    @Override
    public List<User> findByEmail(TenantId tenant, String email) {
        return context.read(dsl -> dsl.select(READ).from(USERS)
                .where(USERS.TENANT_ID.eq(tenant.value()).and(DSL.exists(DSL.selectOne().from(USER_EMAILS)
                        .where(USER_EMAILS.TENANT_ID.eq(USERS.TENANT_ID).and(USER_EMAILS.USER_ID.eq(USERS.ID))
                                .and(USER_EMAILS.EMAIL_KEY.eq(UserName.normalize(email)))))))
                .orderBy(USERS.CREATED, USERS.ID)
                .fetch(JooqUsers::user));
    }

    @Override
    public List<User> findPendingManagerReferences(TenantId tenant, Collection<String> keys) {
        // Asked before every create, with the new person's id, userName and emails.
        List<String> lowered = keys.stream().map(UserName::normalize).distinct().toList();
        if (lowered.isEmpty()) {
            return List.of();
        }
        Map<String, Object> values = new HashMap<>();
        values.put("tenant", tenant.value());
        for (int i = 0; i < lowered.size(); i++) {
            values.put("key" + i, lowered.get(i));
        }
        PreRendered pending = PreRendered.byShape(PENDING_MANAGER_REFERENCES, lowered.size(), lowered.size(),
                JooqUsers::pendingManagerReferences);
        return context.read(dsl -> pending.fetch(dsl, values).map(JooqUsers::user));
    }

    /** The users whose pending manager reference is one of {@code keys} keys (parameters {@code key<i>}). */
    private static PreRendered pendingManagerReferences(int keys) {
        List<Field<String>> any = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            any.add(DSL.param("key" + i, USERS.MANAGER_VALUE_KEY));
        }
        return PreRendered.of(DSL.select(READ).from(USERS)
                .where(USERS.TENANT_ID.eq(DSL.param("tenant", USERS.TENANT_ID))
                        .and(USERS.MANAGER_VALUE_KEY.in(any)).and(USERS.MANAGER_ID.isNull()))
                .orderBy(USERS.CREATED, USERS.ID));
    }

    @Override
    public List<User> findReportsOf(TenantId tenant, UserId manager) {
        return context.read(dsl -> dsl.select(READ).from(USERS)
                .where(USERS.TENANT_ID.eq(tenant.value()).and(USERS.MANAGER_ID.eq(manager.value())))
                .orderBy(USERS.CREATED, USERS.ID)
                .fetch(JooqUsers::user));
    }

    @Override
    public Page<User> query(TenantId tenant, ResourceQuery query) {
        Condition where = where(tenant, query);
        List<SortField<?>> order = order(query);
        Condition page = where.and(after(query));
        return context.read(dsl -> Page.read(query,
                () -> dsl.select(READ).from(USERS).where(page).orderBy(order).limit(query.limit()).offset(query.offset())
                        .fetch(JooqUsers::user),
                () -> dsl.fetchCount(USERS, where)));
    }

    @Override
    public Page<UserWithGroups> queryWithGroups(TenantId tenant, ResourceQuery query) {
        Optional<FilterToCondition.TextEquality> equality = query.sortBy() == null && query.offset() == 0
                && query.after() == null
                ? FilterToCondition.userTextEquality(query.filter()) : Optional.empty();
        if (equality.isPresent()) {
            PreRendered lookUp = PAGE_BY_EQUALITY.computeIfAbsent(equality.get().column(), JooqUsers::equalityPage);
            Map<String, Object> values = Map.of("tenant", tenant.value(), "value", equality.get().value(),
                    "limit", query.limit());
            return context.read(dsl -> Page.read(query,
                    () -> lookUp.fetch(dsl, values).map(row -> new UserWithGroups(user(row), row.get(GROUPS))),
                    () -> dsl.fetchCount(USERS, where(tenant, query))));
        }
        Condition where = where(tenant, query);
        List<SortField<?>> order = order(query);
        return context.read(dsl -> Page.read(query, () -> {
            var withGroups = dsl.select(READ_WITH_GROUPS).from(USERS);
            // A database computes the select list of the rows an OFFSET skips too: past the first
            // page, the page's keys are chosen first, and only those rows get their groups.
            var page = query.offset() == 0
                    ? withGroups.where(where.and(after(query))).orderBy(order).limit(query.limit())
                    : withGroups.where(DSL.row(USERS.TENANT_ID, USERS.ID).in(DSL.select(USERS.TENANT_ID, USERS.ID)
                            .from(USERS).where(where).orderBy(order).limit(query.limit()).offset(query.offset())))
                            .orderBy(order);
            return page.fetch(row -> new UserWithGroups(user(row), row.get(GROUPS)));
        }, () -> dsl.fetchCount(USERS, where)));
    }

    /** The first page of users whose {@code column} equals a value, with their groups. */
    private static PreRendered equalityPage(Field<String> column) {
        return PreRendered.of(DSL.select(READ_WITH_GROUPS).from(USERS)
                .where(USERS.TENANT_ID.eq(DSL.param("tenant", USERS.TENANT_ID))
                        .and(FilterToCondition.textEquals(column, DSL.param("value", column))))
                .orderBy(order(ResourceQuery.all()))
                .limit(DSL.param("limit", Integer.class)));
    }

    private static Map<String, Object> key(TenantId tenant, UserId id) {
        return Map.of(USERS.TENANT_ID.getName(), tenant.value(), USERS.ID.getName(), id.value());
    }

    private static Condition where(TenantId tenant, ResourceQuery query) {
        Condition condition = USERS.TENANT_ID.eq(tenant.value());
        return query.filter() == null ? condition : condition.and(FilterToCondition.users(query.filter(), query.custom()));
    }

    /**
     * A cursor page's start: a row comparison, which PostgreSQL answers from the index on
     * {@code (tenant_id, created, id)} as a range, so a deep page costs what the first one does.
     */
    private static Condition after(ResourceQuery query) {
        return query.afterIfAny()
                .map(position -> DSL.row(USERS.CREATED, USERS.ID)
                        .gt(position.created().atOffset(ZoneOffset.UTC), position.id()))
                .orElse(DSL.noCondition());
    }

    /** The requested order, then the stable default (creation, then id), so that pages never overlap. */
    private static List<SortField<?>> order(ResourceQuery query) {
        List<SortField<?>> order = new ArrayList<>();
        if (query.sortBy() != null) {
            order.add(ResourceColumns.userSort(query.sortBy(), query.ascending(), query.custom()));
        }
        order.add(USERS.CREATED.asc());
        order.add(USERS.ID.asc());
        return order;
    }

    @Override
    public Set<UserId> missing(TenantId tenant, Set<UserId> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        if (ids.size() == 1) { // the one member a PATCH usually adds
            UserId id = ids.iterator().next();
            boolean found = context.read(dsl -> ID_BY_KEY.fetchOptional(dsl, key(tenant, id)).isPresent());
            return found ? Set.of() : Set.of(id);
        }
        String[] wanted = ids.stream().map(UserId::value).toArray(String[]::new);
        Set<String> found = new HashSet<>(context.read(dsl -> EXISTING_AMONG.fetch(dsl,
                Map.of("tenant", tenant.value(), "ids", wanted)).getValues(USERS.ID)));
        return ids.stream().filter(id -> !found.contains(id.value())).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Override
    public void insert(User user, List<DomainEvent> events, EventDetails details) {
        int emails = user.profile().emails().size();
        write(user, () -> {
            if (context.isPostgres() && !events.isEmpty() && user.profile().custom().isEmpty()) {
                // The row, its emails and its events in one statement: atomic by itself, one round trip.
                context.statement(dsl -> {
                    Map<String, Object> values = row(dsl, user).intoMap();
                    values.putAll(emailValues(user));
                    values.putAll(JooqEventOutbox.values(events, details));
                    return PreRendered.byShape(INSERT_WITH_EMAILS_AND_EVENTS, List.of(emails, events.size()),
                            Math.max(emails, events.size()), shape -> insertWithEmailsAndEvents(emails, events.size()))
                            .execute(dsl, values);
                });
                context.eventsWritten();
                return;
            }
            context.transaction(dsl -> {
                INSERT.execute(dsl, row(dsl, user).intoMap());
                insertEmails(dsl, user);
                AttributeValues.insert(dsl, user);
                JooqEventOutbox.append(dsl, events, details);
                context.eventsWritten();
                return null;
            });
        });
    }

    @Override
    public void update(User current, User changed, List<DomainEvent> events, EventDetails details) {
        // The email rows only follow the emails: a deactivation or a rename leaves them alone.
        boolean emailsChanged = !current.profile().emails().equals(changed.profile().emails());
        boolean customChanged = AttributeValues.changes(current, changed);
        long expected = current.meta().version().value();
        write(changed, () -> {
            if (context.isPostgres() && !emailsChanged && !customChanged && !events.isEmpty()) {
                // The row and its events in one statement, the events written only if the row was.
                int written = context.statement(dsl -> {
                    Map<String, Object> values = PreRendered.versionedUpdateValues(row(dsl, changed), KEY, expected);
                    values.putAll(JooqEventOutbox.values(events, details));
                    return PreRendered.byShape(UPDATE_WITH_EVENTS, events.size(), events.size(), JooqUsers::updateWithEvents)
                            .execute(dsl, values);
                });
                if (written == 0) {
                    throw context.read(dsl -> conflictOrMissing(dsl, changed.tenantId(), changed.id(),
                            ExpectedVersion.of(current.meta().version())));
                }
                context.eventsWritten();
                return;
            }
            context.transaction(dsl -> {
                int updated = UPDATE.execute(dsl, PreRendered.versionedUpdateValues(row(dsl, changed), KEY, expected));
                if (updated == 0) {
                    throw conflictOrMissing(dsl, changed.tenantId(), changed.id(),
                            ExpectedVersion.of(current.meta().version()));
                }
                if (emailsChanged) {
                    dsl.deleteFrom(USER_EMAILS).where(USER_EMAILS.TENANT_ID.eq(changed.tenantId().value())
                            .and(USER_EMAILS.USER_ID.eq(changed.id().value()))).execute();
                    insertEmails(dsl, changed);
                }
                AttributeValues.replace(dsl, current, changed);
                JooqEventOutbox.append(dsl, events, details);
                context.eventsWritten();
                return null;
            });
        });
    }

    /**
     * {@code with new_user as (insert into users …), new_emails as (insert into user_emails …)
     * insert into events …}: PostgreSQL runs the three inserts as one statement (data-modifying
     * WITH), and checks the emails' reference to the user at its end.
     */
    private static PreRendered insertWithEmailsAndEvents(int emails, int events) {
        List<CommonTableExpression<?>> written = new ArrayList<>();
        written.add(DSL.name("new_user").as(PreRendered.insertRowTemplate(USERS).returning(USERS.TENANT_ID)));
        if (emails > 0) {
            written.add(DSL.name("new_emails").as(emailRows(DSL.insertInto(USER_EMAILS, EMAIL_COLUMNS), emails)
                    .returning(USER_EMAILS.TENANT_ID)));
        }
        InsertValuesStepN<EventsRecord> insertEvents = DSL.with(written).insertInto(EVENTS, JooqEventOutbox.COLUMNS);
        for (int i = 0; i < events; i++) {
            insertEvents = insertEvents.values(JooqEventOutbox.row(i));
        }
        return PreRendered.of(insertEvents);
    }

    /**
     * {@code with changed as (update users … where <key> and version = expected) insert into events
     * select … from changed}: the events are inserted once per changed row, so the count says
     * whether the version still matched.
     */
    private static PreRendered updateWithEvents(int events) {
        var changed = DSL.name("changed").as(PreRendered.versionedUpdateTemplate(USERS, KEY, USERS.VERSION)
                .returning(USERS.TENANT_ID));
        Table<?> changedRows = DSL.table(DSL.name("changed"));
        Select<Record> rows = DSL.select(JooqEventOutbox.row(0)).from(changedRows);
        for (int i = 1; i < events; i++) {
            rows = rows.unionAll(DSL.select(JooqEventOutbox.row(i)).from(changedRows));
        }
        return PreRendered.of(DSL.with(changed).insertInto(EVENTS, JooqEventOutbox.COLUMNS).select(rows));
    }

    /** Adds {@code count} email rows of parameters {@code email<i>_…} (see {@link #emailValues}). */
    private static InsertValuesStepN<UserEmailsRecord> emailRows(InsertValuesStepN<UserEmailsRecord> insert,
            int count) {
        for (int i = 0; i < count; i++) {
            String prefix = emailPrefix(i);
            insert = insert.values(DSL.param(prefix + "tenant", USER_EMAILS.TENANT_ID),
                    DSL.param(prefix + "user", USER_EMAILS.USER_ID), DSL.inline(i),
                    DSL.param(prefix + "email", USER_EMAILS.EMAIL), DSL.param(prefix + "key", USER_EMAILS.EMAIL_KEY),
                    DSL.param(prefix + "type", USER_EMAILS.EMAIL_TYPE),
                    DSL.param(prefix + "primary", USER_EMAILS.IS_PRIMARY));
        }
        return insert;
    }

    /** The names of email number {@code index}'s parameters start with this. */
    private static String emailPrefix(int index) {
        return "email" + index + "_";
    }

    private static Map<String, Object> emailValues(User user) {
        Map<String, Object> values = new HashMap<>(); // a type or primary flag may be null
        List<MultiValue> emails = user.profile().emails();
        for (int i = 0; i < emails.size(); i++) {
            MultiValue email = emails.get(i);
            String prefix = emailPrefix(i);
            values.put(prefix + "tenant", user.tenantId().value());
            values.put(prefix + "user", user.id().value());
            values.put(prefix + "email", email.value());
            values.put(prefix + "key", email.value() == null ? null : UserName.normalize(email.value()));
            values.put(prefix + "type", email.type());
            values.put(prefix + "primary", email.isPrimary());
        }
        return values;
    }

    @Override
    public void delete(User user, ExpectedVersion expected, List<DomainEvent> events, EventDetails details) {
        context.transaction(dsl -> {
            Condition target = USERS.TENANT_ID.eq(user.tenantId().value()).and(USERS.ID.eq(user.id().value()));
            if (!expected.isAny()) {
                target = target.and(USERS.VERSION.eq(expected.version().value()));
            }
            // Memberships and emails go with the row (ON DELETE CASCADE); the tombstone stays.
            int deleted = dsl.deleteFrom(USERS).where(target).execute();
            if (deleted == 0) {
                throw conflictOrMissing(dsl, user.tenantId(), user.id(), expected);
            }
            dsl.deleteFrom(USER_TOMBSTONES).where(USER_TOMBSTONES.TENANT_ID.eq(user.tenantId().value())
                    .and(USER_TOMBSTONES.ID.eq(user.id().value()))).execute();
            dsl.insertInto(USER_TOMBSTONES)
                    .set(USER_TOMBSTONES.TENANT_ID, user.tenantId().value())
                    .set(USER_TOMBSTONES.ID, user.id().value())
                    .set(USER_TOMBSTONES.USER_NAME, user.userName().value())
                    .set(USER_TOMBSTONES.EXTERNAL_ID, user.profile().externalId())
                    .set(USER_TOMBSTONES.PROFILE, UserProfileJson.write(user.profile()))
                    .set(USER_TOMBSTONES.DELETED_AT, (events.isEmpty() ? user.meta().lastModified()
                            : events.get(0).occurredAt()).atOffset(ZoneOffset.UTC))
                    .execute();
            JooqEventOutbox.append(dsl, events, details);
            context.eventsWritten();
            return null;
        });
    }

    private static void write(User user, Runnable statement) {
        try {
            statement.run();
        } catch (RuntimeException e) {
            // The transaction may already have translated the failure (SqlErrors keeps it as the cause).
            Optional<DataAccessException> failed = SqlErrors.failedStatement(e);
            if (failed.flatMap(SqlErrors::uniqueViolation).filter(message -> message.contains("users_by_user_name"))
                    .isPresent()) {
                throw new UserNameAlreadyTaken(user.userName().value());
            }
            throw e instanceof DataAccessException refused ? SqlErrors.translate(refused) : e;
        }
    }

    private static RuntimeException conflictOrMissing(DSLContext dsl, TenantId tenant, UserId id,
            ExpectedVersion expected) {
        Long current = dsl.select(USERS.VERSION).from(USERS)
                .where(USERS.TENANT_ID.eq(tenant.value()).and(USERS.ID.eq(id.value())))
                .fetchOne(USERS.VERSION);
        if (current == null) {
            return new UnknownUser(id.value());
        }
        return new StaleVersion(id.value(), expected.toString(), Long.toString(current));
    }

    private static void insertEmails(DSLContext dsl, User user) {
        int emails = user.profile().emails().size();
        if (emails > 0) {
            PreRendered.byShape(INSERT_EMAILS, emails, emails, count -> PreRendered.of(emailRows(DSL.insertInto(USER_EMAILS,
                    EMAIL_COLUMNS), count))).execute(dsl, emailValues(user));
        }
    }

    private static UsersRecord row(DSLContext dsl, User user) {
        UserProfile profile = user.profile();
        UsersRecord row = dsl.newRecord(USERS);
        row.setTenantId(user.tenantId().value());
        row.setId(user.id().value());
        row.setUserName(profile.userName().value());
        row.setUserNameKey(profile.userName().key());
        row.setExternalId(profile.externalId());
        row.setDisplayName(profile.displayName());
        row.setGivenName(profile.name().givenName());
        row.setFamilyName(profile.name().familyName());
        row.setNickName(profile.nickName());
        row.setTitle(profile.title());
        row.setUserType(profile.userType());
        row.setLocale(profile.locale());
        row.setPreferredLanguage(profile.preferredLanguage());
        row.setTimezone(profile.timezone());
        row.setEmployeeNumber(profile.enterprise().employeeNumber());
        row.setDepartment(profile.enterprise().department());
        row.setDivision(profile.enterprise().division());
        row.setCostCenter(profile.enterprise().costCenter());
        row.setOrganization(profile.enterprise().organization());
        row.setActive(user.active());
        ManagerReference manager = user.manager().orElse(null);
        row.setManagerValue(manager == null ? null : manager.value());
        row.setManagerValueKey(manager == null ? null : UserName.normalize(manager.value()));
        row.setManagerId(manager == null || manager.resolvedId() == null ? null : manager.resolvedId().value());
        row.setOrigin(user.origin().name());
        row.setProfile(UserProfileJson.write(profile));
        row.setCreated(user.meta().created().atOffset(ZoneOffset.UTC));
        row.setLastModified(user.meta().lastModified().atOffset(ZoneOffset.UTC));
        row.setVersion(user.meta().version().value());
        return row;
    }

    private static User user(Record row) {
        String managerValue = row.get(USERS.MANAGER_VALUE);
        String managerId = row.get(USERS.MANAGER_ID);
        ManagerReference manager = managerValue == null ? null
                : new ManagerReference(managerValue, managerId == null ? null : new UserId(managerId));
        return User.reconstitute(new TenantId(row.get(USERS.TENANT_ID)), new UserId(row.get(USERS.ID)),
                UserProfileJson.read(row.get(USERS.PROFILE)), row.get(USERS.ACTIVE), manager,
                UserOrigin.valueOf(row.get(USERS.ORIGIN)),
                new ResourceMeta(row.get(USERS.CREATED).toInstant(), row.get(USERS.LAST_MODIFIED).toInstant(),
                        new Version(row.get(USERS.VERSION))));
    }
}
