package com.javelo.scim.adapter.jooq.user;

import static com.javelo.scim.adapter.jooq.generated.Tables.USERS;
import static com.javelo.scim.adapter.jooq.generated.Tables.USER_EMAILS;
import static com.javelo.scim.adapter.jooq.generated.Tables.USER_TOMBSTONES;

import com.javelo.scim.adapter.jooq.attribute.AttributeValues;
import com.javelo.scim.adapter.jooq.filter.FilterToCondition;
import com.javelo.scim.adapter.jooq.filter.KeysetConditions;
import com.javelo.scim.adapter.jooq.filter.ResourceColumns;
import com.javelo.scim.adapter.jooq.outbox.JooqEventOutbox;
import com.javelo.scim.adapter.jooq.sql.PreRendered;
import com.javelo.scim.adapter.jooq.sql.SqlErrors;
import com.javelo.scim.adapter.jooq.transaction.JooqContext;
import com.javelo.scim.adapter.jooq.transaction.RefusedWrite;
import com.javelo.scim.core.port.Page;
import com.javelo.scim.core.port.ResourceQuery;
import com.javelo.scim.core.port.UserWithGroups;
import com.javelo.scim.core.port.Users;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.core.protocol.json.UserProfileJson;
import com.javelo.scim.domain.error.UnknownUser;
import com.javelo.scim.domain.error.UserNameAlreadyTaken;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.resource.ExpectedVersion;
import com.javelo.scim.domain.user.User;
import com.javelo.scim.domain.user.UserName;
import com.javelo.scim.domain.user.UserProfile;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SortField;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Users in PostgreSQL or H2: typed columns for filters and sorting, the profile as SCIM JSON, one
 * row per email. The unique index on the case-folded userName decides every race.
 */
public final class JooqUsers implements Users {

    private static final RefusedWrite REFUSED = new RefusedWrite(USERS, USERS.TENANT_ID, USERS.ID, USERS.VERSION);

    private static final int REVISED_PAGE = 1_000;

    private final JooqContext context;
    private final UserWrites writes;

    /** @param writes how this database writes a user's tables ({@link UserWrites#forDialect}) */
    public JooqUsers(JooqContext context, UserWrites writes) {
        this.context = context;
        this.writes = writes;
    }

    @Override
    public Optional<User> findById(TenantId tenant, UserId id) {
        // Inside a unit of work the row is read to be changed: lock it, so concurrent writers
        // queue instead of failing on the version check.
        PreRendered byId = context.inUnitOfWork() ? UserStatements.BY_ID_FOR_UPDATE : UserStatements.BY_ID;
        return context.read(dsl -> byKey(byId, tenant, id).fetchOptional(dsl).map(UserRows::user));
    }

    @Override
    public Optional<UserWithGroups> findByIdWithGroups(TenantId tenant, UserId id) {
        PreRendered byId =
                context.inUnitOfWork() ? UserStatements.BY_ID_WITH_GROUPS_FOR_UPDATE : UserStatements.BY_ID_WITH_GROUPS;
        return context.read(dsl -> byKey(byId, tenant, id).fetchOptional(dsl).map(UserRows::withGroups));
    }

    @Override
    public Optional<User> findByUserName(TenantId tenant, String userName) {
        return context.read(dsl -> UserStatements.BY_USER_NAME
                .with(UserStatements.TENANT, tenant.value())
                .with(UserStatements.USER_NAME_KEY, UserName.normalize(userName))
                .fetchOptional(dsl)
                .map(UserRows::user));
    }

    @Override
    public List<User> findByEmail(TenantId tenant, String email) {
        return context.read(dsl -> dsl.select(UserRows.READ)
                .from(USERS)
                .where(USERS.TENANT_ID
                        .eq(tenant.value())
                        .and(DSL.exists(DSL.selectOne()
                                .from(USER_EMAILS)
                                .where(USER_EMAILS
                                        .TENANT_ID
                                        .eq(USERS.TENANT_ID)
                                        .and(USER_EMAILS.USER_ID.eq(USERS.ID))
                                        .and(USER_EMAILS.EMAIL_KEY.eq(UserName.normalize(email)))))))
                .orderBy(USERS.CREATED, USERS.ID)
                .fetch(UserRows::user));
    }

    @Override
    public List<User> findPendingManagerReferences(TenantId tenant, Collection<String> keys) {
        // Asked before every create, with the new person's id, userName and emails.
        List<String> lowered = keys.stream().map(UserName::normalize).distinct().toList();
        if (lowered.isEmpty()) {
            return List.of();
        }
        UserStatements.PendingManagers pending = UserStatements.pendingManagers(lowered.size());
        PreRendered.Call call = pending.statement().with(UserStatements.TENANT, tenant.value());
        for (int i = 0; i < lowered.size(); i++) {
            call.with(pending.keys().get(i), lowered.get(i));
        }
        return context.read(dsl -> call.fetch(dsl).map(UserRows::user));
    }

    @Override
    public List<User> findReportsOf(TenantId tenant, UserId manager) {
        return context.read(dsl -> dsl.select(UserRows.READ)
                .from(USERS)
                .where(USERS.TENANT_ID.eq(tenant.value()).and(USERS.MANAGER_ID.eq(manager.value())))
                .orderBy(USERS.CREATED, USERS.ID)
                .fetch(UserRows::user));
    }

    @Override
    public Page<User> query(TenantId tenant, ResourceQuery query) {
        Condition where = where(tenant, query);
        List<SortField<?>> order = order(query);
        Condition page = where.and(after(query));
        return context.read(dsl -> Page.read(
                query,
                () -> dsl.select(UserRows.READ)
                        .from(USERS)
                        .where(page)
                        .orderBy(order)
                        .limit(query.limit())
                        .offset(query.offset())
                        .fetch(UserRows::user),
                () -> dsl.fetchCount(USERS, where)));
    }

    @Override
    public Page<UserWithGroups> queryWithGroups(TenantId tenant, ResourceQuery query) {
        Optional<FilterToCondition.TextEquality> equality =
                query.sortBy() == null && query.offset() == 0 && query.after() == null
                        ? FilterToCondition.userTextEquality(query.filter())
                        : Optional.empty();
        if (equality.isPresent()) {
            UserStatements.EqualityPage lookUp =
                    UserStatements.equalityPage(equality.get().column());
            return lookUp(
                    tenant,
                    query,
                    lookUp.statement()
                            .with(UserStatements.TENANT, tenant.value())
                            .with(lookUp.value(), equality.get().value())
                            .with(UserStatements.LIMIT, query.limit()));
        }
        Optional<FilterToCondition.DeclaredTextEquality> declared =
                query.sortBy() == null && query.offset() == 0 && query.after() == null
                        ? FilterToCondition.declaredTextEquality(query.filter(), query.custom())
                        : Optional.empty();
        if (declared.isPresent()) {
            UserStatements.DeclaredEqualityPage lookUp = UserStatements.declaredEqualityPage(
                    declared.get().column(), declared.get().multiValued());
            return lookUp(
                    tenant,
                    query,
                    lookUp.statement()
                            .with(UserStatements.TENANT, tenant.value())
                            .with(lookUp.nameKey(), declared.get().nameKey())
                            .with(lookUp.value(), declared.get().value())
                            .with(UserStatements.LIMIT, query.limit()));
        }
        Condition where = where(tenant, query);
        List<SortField<?>> order = order(query);
        return context.read(dsl -> Page.read(
                query,
                () -> {
                    var withGroups = dsl.select(UserRows.READ_WITH_GROUPS).from(USERS);
                    // A database computes the select list of the rows an OFFSET skips too: past the first
                    // page, the page's keys are chosen first, and only those rows get their groups.
                    var page = query.offset() == 0
                            ? withGroups
                                    .where(where.and(after(query)))
                                    .orderBy(order)
                                    .limit(query.limit())
                            : withGroups
                                    .where(DSL.row(USERS.TENANT_ID, USERS.ID)
                                            .in(DSL.select(USERS.TENANT_ID, USERS.ID)
                                                    .from(USERS)
                                                    .where(where)
                                                    .orderBy(order)
                                                    .limit(query.limit())
                                                    .offset(query.offset())))
                                    .orderBy(order);
                    return page.fetch(UserRows::withGroups);
                },
                () -> dsl.fetchCount(USERS, where)));
    }

    /** A first page by one of the look-ups rendered once; counted only when the page is full. */
    private Page<UserWithGroups> lookUp(TenantId tenant, ResourceQuery query, PreRendered.Call call) {
        return context.read(dsl -> Page.read(
                query,
                () -> call.fetch(dsl).map(UserRows::withGroups),
                () -> dsl.fetchCount(USERS, where(tenant, query))));
    }

    private static PreRendered.Call byKey(PreRendered statement, TenantId tenant, UserId id) {
        return statement.with(UserStatements.TENANT, tenant.value()).with(UserStatements.ID, id.value());
    }

    private static Condition where(TenantId tenant, ResourceQuery query) {
        Condition condition = USERS.TENANT_ID.eq(tenant.value());
        return query.filter() == null
                ? condition
                : condition.and(FilterToCondition.users(query.filter(), query.custom()));
    }

    /** A cursor page's start (see {@link KeysetConditions}). */
    private static Condition after(ResourceQuery query) {
        return KeysetConditions.users(query);
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
            boolean found = context.read(dsl -> byKey(UserStatements.ID_BY_KEY, tenant, id)
                    .fetchOptional(dsl)
                    .isPresent());
            return found ? Set.of() : Set.of(id);
        }
        String[] wanted = ids.stream().map(UserId::value).toArray(String[]::new);
        Set<String> found = new HashSet<>(context.read(dsl -> UserStatements.EXISTING_AMONG
                .with(UserStatements.TENANT, tenant.value())
                .with(UserStatements.IDS, wanted)
                .fetch(dsl)
                .getValues(USERS.ID)));
        return ids.stream()
                .filter(id -> !found.contains(id.value()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * Pages of {@value #REVISED_PAGE} people in key order, read and locked by one statement each
     * (a text match on the stored profile finds those who carry the extension's URN; the revision
     * decides), and written back by one statement per table: a batch of profile updates, one delete
     * and one insert of their custom attribute rows.
     */
    @Override
    public void reviseCarrying(TenantId tenant, String urn, UnaryOperator<UserProfile> revision) {
        String carriesTheUrn = "%\"" + urn.toLowerCase(Locale.ROOT) + "\"%";
        context.transaction(dsl -> {
            String after = "";
            while (true) {
                List<User> page = dsl.select(UserRows.READ)
                        .from(USERS)
                        .where(USERS.TENANT_ID
                                .eq(tenant.value())
                                .and(USERS.ID.gt(after))
                                .and(DSL.lower(USERS.PROFILE).like(carriesTheUrn)))
                        .orderBy(USERS.ID)
                        .limit(REVISED_PAGE)
                        .forUpdate()
                        .fetch(UserRows::user);
                List<User> revised = new ArrayList<>();
                for (User user : page) {
                    UserProfile profile = revision.apply(user.profile());
                    if (!profile.equals(user.profile())) {
                        revised.add(User.reconstitute(
                                tenant,
                                user.id(),
                                profile,
                                user.active(),
                                user.manager().orElse(null),
                                user.origin(),
                                user.meta()));
                    }
                }
                writeRevised(dsl, tenant, revised);
                if (page.size() < REVISED_PAGE) {
                    return null;
                }
                after = page.get(page.size() - 1).id().value();
            }
        });
    }

    private static void writeRevised(DSLContext dsl, TenantId tenant, List<User> revised) {
        if (revised.isEmpty()) {
            return;
        }
        BatchBindStep profiles = dsl.batch(dsl.update(USERS)
                .set(USERS.PROFILE, (String) null)
                .where(USERS.TENANT_ID.eq((String) null).and(USERS.ID.eq((String) null))));
        for (User user : revised) {
            profiles.bind(
                    UserProfileJson.write(user.profile()),
                    tenant.value(),
                    user.id().value());
        }
        profiles.execute();
        AttributeValues.replaceAll(dsl, tenant, revised);
    }

    @Override
    public void insert(User user, List<DomainEvent> events, EventDetails details) {
        write(user, () -> writes.insert(user, events, details));
    }

    @Override
    public void update(User current, User changed, List<DomainEvent> events, EventDetails details) {
        write(changed, () -> writes.update(current, changed, events, details));
    }

    @Override
    public void delete(User user, ExpectedVersion expected, List<DomainEvent> events, EventDetails details) {
        context.transaction(dsl -> {
            Condition target = USERS.TENANT_ID
                    .eq(user.tenantId().value())
                    .and(USERS.ID.eq(user.id().value()));
            if (!expected.isAny()) {
                target = target.and(USERS.VERSION.eq(expected.version().value()));
            }
            // Memberships and emails go with the row (ON DELETE CASCADE); the tombstone stays.
            int deleted = dsl.deleteFrom(USERS).where(target).execute();
            if (deleted == 0) {
                throw REFUSED.explain(dsl, user.tenantId(), user.id().value(), expected, UnknownUser::new);
            }
            dsl.deleteFrom(USER_TOMBSTONES)
                    .where(USER_TOMBSTONES
                            .TENANT_ID
                            .eq(user.tenantId().value())
                            .and(USER_TOMBSTONES.ID.eq(user.id().value())))
                    .execute();
            dsl.insertInto(USER_TOMBSTONES)
                    .set(USER_TOMBSTONES.TENANT_ID, user.tenantId().value())
                    .set(USER_TOMBSTONES.ID, user.id().value())
                    .set(USER_TOMBSTONES.USER_NAME, user.userName().value())
                    .set(USER_TOMBSTONES.EXTERNAL_ID, user.profile().externalId())
                    .set(USER_TOMBSTONES.PROFILE, UserProfileJson.write(user.profile()))
                    .set(
                            USER_TOMBSTONES.DELETED_AT,
                            (events.isEmpty()
                                            ? user.meta().lastModified()
                                            : events.get(0).occurredAt())
                                    .atOffset(ZoneOffset.UTC))
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
            if (failed.flatMap(SqlErrors::uniqueViolation)
                    .filter(message -> message.contains("users_by_user_name"))
                    .isPresent()) {
                throw new UserNameAlreadyTaken(user.userName().value());
            }
            throw e instanceof DataAccessException refused ? SqlErrors.translate(refused) : e;
        }
    }

    /** Why a versioned write of {@code user} changed no row. */
    static RuntimeException refused(DSLContext dsl, User user, ExpectedVersion expected) {
        return REFUSED.explain(dsl, user.tenantId(), user.id().value(), expected, UnknownUser::new);
    }
}
