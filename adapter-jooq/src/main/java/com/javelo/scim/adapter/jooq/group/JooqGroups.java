package com.javelo.scim.adapter.jooq.group;

import static com.javelo.scim.adapter.jooq.generated.Tables.GROUP_MEMBERS;
import static com.javelo.scim.adapter.jooq.generated.Tables.SCIM_GROUPS;
import static com.javelo.scim.adapter.jooq.generated.Tables.USERS;

import com.javelo.scim.adapter.jooq.filter.FilterToCondition;
import com.javelo.scim.adapter.jooq.filter.KeysetConditions;
import com.javelo.scim.adapter.jooq.filter.ResourceColumns;
import com.javelo.scim.adapter.jooq.generated.tables.records.ScimGroupsRecord;
import com.javelo.scim.adapter.jooq.outbox.JooqEventOutbox;
import com.javelo.scim.adapter.jooq.sql.Param;
import com.javelo.scim.adapter.jooq.sql.PreRendered;
import com.javelo.scim.adapter.jooq.sql.VersionedUpdate;
import com.javelo.scim.adapter.jooq.transaction.JooqContext;
import com.javelo.scim.adapter.jooq.transaction.RefusedWrite;
import com.javelo.scim.core.port.Groups;
import com.javelo.scim.core.port.MembershipOutcome;
import com.javelo.scim.core.port.Page;
import com.javelo.scim.core.port.ResourceQuery;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.domain.error.UnknownGroup;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.group.Group;
import com.javelo.scim.domain.group.GroupMembership;
import com.javelo.scim.domain.group.Member;
import com.javelo.scim.domain.id.GroupId;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.resource.ExpectedVersion;
import com.javelo.scim.domain.resource.ResourceMeta;
import com.javelo.scim.domain.resource.Version;
import com.javelo.scim.domain.user.UserName;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * Groups and their memberships. Membership changes are set operations on {@code group_members}
 * that touch only the rows named: adding one member to a group of 100,000 costs what adding one
 * to a group of 10 does.
 */
public final class JooqGroups implements Groups {

    private static final Param<String> TENANT = Param.of("tenant", SCIM_GROUPS.TENANT_ID);
    private static final Param<String> ID = Param.of("id", SCIM_GROUPS.ID);
    private static final PreRendered BY_ID = byKey(false);
    private static final PreRendered BY_ID_FOR_UPDATE = byKey(true);
    private static final VersionedUpdate<ScimGroupsRecord> VERSIONED =
            VersionedUpdate.of(SCIM_GROUPS, List.of(SCIM_GROUPS.TENANT_ID, SCIM_GROUPS.ID), SCIM_GROUPS.VERSION);
    private static final PreRendered UPDATE = PreRendered.of(VERSIONED.template(), VERSIONED);
    private static final RefusedWrite REFUSED =
            new RefusedWrite(SCIM_GROUPS, SCIM_GROUPS.TENANT_ID, SCIM_GROUPS.ID, SCIM_GROUPS.VERSION);

    /** One membership's key. */
    private static final Param<String> MEMBER_TENANT = Param.of("tenant", GROUP_MEMBERS.TENANT_ID);

    private static final Param<String> MEMBER_GROUP = Param.of("group", GROUP_MEMBERS.GROUP_ID);
    private static final Param<String> MEMBER_USER = Param.of("user", GROUP_MEMBERS.USER_ID);
    /** The label the IdP gave a member ({@code members[].display}); may be null. */
    private static final Param<String> MEMBER_LABEL = Param.of("label", GROUP_MEMBERS.DISPLAY);
    /** Inserts one membership unless it exists: one row changed means it was new. */
    private static final PreRendered ADD_ONE = PreRendered.of(
            DSL.insertInto(
                            GROUP_MEMBERS,
                            GROUP_MEMBERS.TENANT_ID,
                            GROUP_MEMBERS.GROUP_ID,
                            GROUP_MEMBERS.USER_ID,
                            GROUP_MEMBERS.DISPLAY)
                    .values(MEMBER_TENANT.field(), MEMBER_GROUP.field(), MEMBER_USER.field(), MEMBER_LABEL.field())
                    .onConflictDoNothing(),
            MEMBER_TENANT,
            MEMBER_GROUP,
            MEMBER_USER,
            MEMBER_LABEL);

    private static final PreRendered REMOVE_ONE = PreRendered.of(
            DSL.deleteFrom(GROUP_MEMBERS)
                    .where(DSL.and(
                            GROUP_MEMBERS.TENANT_ID.eq(MEMBER_TENANT.field()),
                            GROUP_MEMBERS.GROUP_ID.eq(MEMBER_GROUP.field()),
                            GROUP_MEMBERS.USER_ID.eq(MEMBER_USER.field()))),
            MEMBER_TENANT,
            MEMBER_GROUP,
            MEMBER_USER);
    /** Writes a member's label unless it is the same (a label that did not change writes nothing). */
    private static final PreRendered LABEL_ONE = PreRendered.of(
            DSL.update(GROUP_MEMBERS)
                    .set(GROUP_MEMBERS.DISPLAY, MEMBER_LABEL.field())
                    .where(GROUP_MEMBERS
                            .TENANT_ID
                            .eq(MEMBER_TENANT.field())
                            .and(GROUP_MEMBERS.GROUP_ID.eq(MEMBER_GROUP.field()))
                            .and(GROUP_MEMBERS.USER_ID.eq(MEMBER_USER.field()))
                            .and(GROUP_MEMBERS.DISPLAY.isDistinctFrom(MEMBER_LABEL.field()))),
            MEMBER_TENANT,
            MEMBER_GROUP,
            MEMBER_USER,
            MEMBER_LABEL);

    private static final PreRendered GROUPS_OF_ONE = PreRendered.of(
            DSL.select(SCIM_GROUPS.ID, SCIM_GROUPS.DISPLAY_NAME)
                    .from(GROUP_MEMBERS)
                    .join(SCIM_GROUPS)
                    .on(SCIM_GROUPS
                            .TENANT_ID
                            .eq(GROUP_MEMBERS.TENANT_ID)
                            .and(SCIM_GROUPS.ID.eq(GROUP_MEMBERS.GROUP_ID)))
                    .where(GROUP_MEMBERS
                            .TENANT_ID
                            .eq(MEMBER_TENANT.field())
                            .and(GROUP_MEMBERS.USER_ID.eq(MEMBER_USER.field())))
                    .orderBy(SCIM_GROUPS.CREATED, SCIM_GROUPS.ID),
            MEMBER_TENANT,
            MEMBER_USER);

    private static PreRendered byKey(boolean forUpdate) {
        var select = DSL.select(List.of(SCIM_GROUPS.fields()))
                .from(SCIM_GROUPS)
                .where(DSL.and(SCIM_GROUPS.TENANT_ID.eq(TENANT.field()), SCIM_GROUPS.ID.eq(ID.field())));
        return PreRendered.of(forUpdate ? select.forUpdate() : select, TENANT, ID);
    }

    private final JooqContext context;
    private final MemberLocks locks;

    /** @param locks how this database orders a membership insert with its user's delete ({@link MemberLocks#forDialect}) */
    public JooqGroups(JooqContext context, MemberLocks locks) {
        this.context = context;
        this.locks = locks;
    }

    @Override
    public Optional<Group> findById(TenantId tenant, GroupId id) {
        // In a unit of work the group is read to be changed: concurrent membership PATCHes queue here.
        PreRendered byId = context.inUnitOfWork() ? BY_ID_FOR_UPDATE : BY_ID;
        return context.read(dsl -> byId.with(TENANT, tenant.value())
                .with(ID, id.value())
                .fetchOptional(dsl)
                .map(row -> group(row.into(SCIM_GROUPS))));
    }

    @Override
    public Page<Group> query(TenantId tenant, ResourceQuery query) {
        Condition condition = SCIM_GROUPS.TENANT_ID.eq(tenant.value());
        if (query.filter() != null) {
            condition = condition.and(FilterToCondition.groups(query.filter()));
        }
        List<SortField<?>> order = new ArrayList<>();
        if (query.sortBy() != null) {
            order.add(ResourceColumns.groupSort(query.sortBy(), query.ascending()));
        }
        order.add(SCIM_GROUPS.CREATED.asc());
        order.add(SCIM_GROUPS.ID.asc());
        Condition where = condition;
        // A cursor page starts after its position (see KeysetConditions).
        Condition page = where.and(KeysetConditions.groups(query));
        return context.read(dsl -> Page.read(
                query,
                () -> dsl.selectFrom(SCIM_GROUPS)
                        .where(page)
                        .orderBy(order)
                        .limit(query.limit())
                        .offset(query.offset())
                        .fetch(JooqGroups::group),
                () -> dsl.fetchCount(SCIM_GROUPS, where)));
    }

    @Override
    public void insert(Group group, List<DomainEvent> events, EventDetails details) {
        context.transaction(dsl -> {
            dsl.insertInto(SCIM_GROUPS).set(row(dsl, group)).execute();
            JooqEventOutbox.append(dsl, events, details);
            context.eventsWritten();
            return null;
        });
    }

    @Override
    public void update(Group group, ExpectedVersion expected, List<DomainEvent> events, EventDetails details) {
        context.transaction(dsl -> {
            int updated = expected.isAny()
                    ? dsl.update(SCIM_GROUPS)
                            .set(row(dsl, group))
                            .where(target(group, expected))
                            .execute()
                    : VERSIONED
                            .bind(
                                    UPDATE.call(),
                                    row(dsl, group),
                                    expected.version().value())
                            .execute(dsl);
            if (updated == 0) {
                throw refused(dsl, group, expected);
            }
            JooqEventOutbox.append(dsl, events, details);
            context.eventsWritten();
            return null;
        });
    }

    @Override
    public void delete(Group group, ExpectedVersion expected, List<DomainEvent> events, EventDetails details) {
        context.transaction(dsl -> {
            int deleted =
                    dsl.deleteFrom(SCIM_GROUPS).where(target(group, expected)).execute();
            if (deleted == 0) {
                throw refused(dsl, group, expected);
            }
            JooqEventOutbox.append(dsl, events, details);
            context.eventsWritten();
            return null;
        });
    }

    /**
     * One statement per member, sent as one JDBC batch (one round trip): the insert that skips an
     * existing membership, whose count says whether the member is new. A statement about one
     * membership probes the primary key, whatever the planner knows of the tenant; a query about
     * 100 ids at once was planned, for a tenant the statistics did not know yet, as a scan of all
     * the tenant's memberships (docs/benchmarks.md, W4).
     */
    @Override
    public Set<UserId> addMembers(TenantId tenant, GroupId group, Set<UserId> users, Map<UserId, String> labels) {
        List<UserId> adding = List.copyOf(users);
        List<PreRendered.Call> rows = new ArrayList<>();
        for (UserId user : adding) {
            rows.add(oneMember(ADD_ONE, tenant, group, user).with(MEMBER_LABEL, labels.get(user)));
        }
        int[] inserted = context.transaction(dsl -> {
            locks.beforeAdding(dsl, tenant, adding);
            return ADD_ONE.executeBatch(dsl, rows);
        });
        return changed(adding, inserted);
    }

    /** One delete per member, as one JDBC batch; its counts say who was a member (see {@link #addMembers}). */
    @Override
    public Set<UserId> removeMembers(TenantId tenant, GroupId group, Set<UserId> users) {
        List<UserId> removing = List.copyOf(users);
        List<PreRendered.Call> rows = removing.stream()
                .map(user -> oneMember(REMOVE_ONE, tenant, group, user))
                .toList();
        int[] deleted = context.transaction(dsl -> REMOVE_ONE.executeBatch(dsl, rows));
        return changed(removing, deleted);
    }

    /** @return the users whose statement changed a row, in order */
    private static Set<UserId> changed(List<UserId> users, int[] counts) {
        Set<UserId> changed = new LinkedHashSet<>();
        for (int i = 0; i < users.size(); i++) {
            if (counts[i] < 0) { // Statement.SUCCESS_NO_INFO: a driver setting that hides the counts
                throw new IllegalStateException("the database did not say which memberships changed");
            }
            if (counts[i] > 0) {
                changed.add(users.get(i));
            }
        }
        return changed;
    }

    @Override
    public MembershipOutcome replaceMembers(TenantId tenant, GroupId group, Set<UserId> users) {
        return context.transaction(dsl -> {
            Set<String> wanted = users.stream().map(UserId::value).collect(Collectors.toSet());
            Set<String> current = dsl.select(GROUP_MEMBERS.USER_ID)
                    .from(GROUP_MEMBERS)
                    .where(member(tenant, group))
                    .fetchSet(GROUP_MEMBERS.USER_ID);
            Set<UserId> toRemove = current.stream()
                    .filter(id -> !wanted.contains(id))
                    .map(UserId::new)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            Set<UserId> toAdd = wanted.stream()
                    .filter(id -> !current.contains(id))
                    .map(UserId::new)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            return new MembershipOutcome(addMembers(tenant, group, toAdd), removeMembers(tenant, group, toRemove));
        });
    }

    @Override
    public void labelMembers(TenantId tenant, GroupId group, Map<UserId, String> displays) {
        if (displays.isEmpty()) {
            return;
        }
        context.transaction(dsl -> {
            // One JDBC batch (one round trip) for Okta's 100 labelled members, not 100 statements;
            // a label that did not change writes nothing.
            List<PreRendered.Call> rows = new ArrayList<>();
            displays.forEach((user, display) ->
                    rows.add(oneMember(LABEL_ONE, tenant, group, user).with(MEMBER_LABEL, display)));
            LABEL_ONE.executeBatch(dsl, rows);
            return null;
        });
    }

    @Override
    public void forEachMember(TenantId tenant, GroupId group, Consumer<Member> consumer) {
        context.read(dsl -> {
            try (Cursor<Record2<String, String>> members = dsl.select(
                            USERS.ID, DSL.coalesce(GROUP_MEMBERS.DISPLAY, USERS.DISPLAY_NAME, USERS.USER_NAME))
                    .from(GROUP_MEMBERS)
                    .join(USERS)
                    .on(USERS.TENANT_ID.eq(GROUP_MEMBERS.TENANT_ID).and(USERS.ID.eq(GROUP_MEMBERS.USER_ID)))
                    .where(member(tenant, group))
                    .orderBy(GROUP_MEMBERS.USER_ID)
                    .fetchSize(1000)
                    .fetchLazy()) {
                for (Record2<String, String> row : members) {
                    consumer.accept(new Member(new UserId(row.value1()), row.value2()));
                }
            }
            return null;
        });
    }

    @Override
    public long countMembers(TenantId tenant, GroupId group) {
        return context.read(dsl -> (long) dsl.fetchCount(GROUP_MEMBERS, member(tenant, group)));
    }

    @Override
    public Map<UserId, List<GroupMembership>> groupsOf(TenantId tenant, Collection<UserId> users) {
        if (users.isEmpty()) {
            return Map.of();
        }
        if (users.size() == 1) { // the groups of the one user a GET, PUT or PATCH answers with
            UserId user = users.iterator().next();
            List<GroupMembership> groups = context.read(dsl -> GROUPS_OF_ONE
                    .with(MEMBER_TENANT, tenant.value())
                    .with(MEMBER_USER, user.value())
                    .fetch(dsl)
                    .map(row -> new GroupMembership(
                            new GroupId(row.get(SCIM_GROUPS.ID)), row.get(SCIM_GROUPS.DISPLAY_NAME))));
            return groups.isEmpty() ? Map.of() : Map.of(user, groups);
        }
        Set<String> ids = users.stream().map(UserId::value).collect(Collectors.toSet());
        return context.read(dsl -> {
            Map<UserId, List<GroupMembership>> byUser = new HashMap<>();
            dsl.select(GROUP_MEMBERS.USER_ID, SCIM_GROUPS.ID, SCIM_GROUPS.DISPLAY_NAME)
                    .from(GROUP_MEMBERS)
                    .join(SCIM_GROUPS)
                    .on(SCIM_GROUPS
                            .TENANT_ID
                            .eq(GROUP_MEMBERS.TENANT_ID)
                            .and(SCIM_GROUPS.ID.eq(GROUP_MEMBERS.GROUP_ID)))
                    .where(GROUP_MEMBERS.TENANT_ID.eq(tenant.value()).and(GROUP_MEMBERS.USER_ID.in(ids)))
                    .orderBy(SCIM_GROUPS.CREATED, SCIM_GROUPS.ID)
                    .forEach(row -> byUser.computeIfAbsent(new UserId(row.value1()), key -> new ArrayList<>())
                            .add(new GroupMembership(new GroupId(row.value2()), row.value3())));
            return byUser;
        });
    }

    private static PreRendered.Call oneMember(PreRendered statement, TenantId tenant, GroupId group, UserId user) {
        return statement
                .with(MEMBER_TENANT, tenant.value())
                .with(MEMBER_GROUP, group.value())
                .with(MEMBER_USER, user.value());
    }

    private static Condition member(TenantId tenant, GroupId group) {
        return GROUP_MEMBERS.TENANT_ID.eq(tenant.value()).and(GROUP_MEMBERS.GROUP_ID.eq(group.value()));
    }

    private static Condition target(Group group, ExpectedVersion expected) {
        Condition target = SCIM_GROUPS
                .TENANT_ID
                .eq(group.tenantId().value())
                .and(SCIM_GROUPS.ID.eq(group.id().value()));
        return expected.isAny()
                ? target
                : target.and(SCIM_GROUPS.VERSION.eq(expected.version().value()));
    }

    /** Why a versioned write of {@code group} changed no row: gone, or at another version. */
    private static RuntimeException refused(DSLContext dsl, Group group, ExpectedVersion expected) {
        return REFUSED.explain(dsl, group.tenantId(), group.id().value(), expected, UnknownGroup::new);
    }

    private static ScimGroupsRecord row(DSLContext dsl, Group group) {
        ScimGroupsRecord row = dsl.newRecord(SCIM_GROUPS);
        row.setTenantId(group.tenantId().value());
        row.setId(group.id().value());
        row.setDisplayName(group.displayName());
        row.setDisplayNameKey(UserName.normalize(group.displayName()));
        row.setExternalId(group.externalId());
        row.setCreated(group.meta().created().atOffset(ZoneOffset.UTC));
        row.setLastModified(group.meta().lastModified().atOffset(ZoneOffset.UTC));
        row.setVersion(group.meta().version().value());
        return row;
    }

    private static Group group(ScimGroupsRecord row) {
        return Group.reconstitute(
                new TenantId(row.getTenantId()),
                new GroupId(row.getId()),
                row.getDisplayName(),
                row.getExternalId(),
                new ResourceMeta(
                        row.getCreated().toInstant(),
                        row.getLastModified().toInstant(),
                        new Version(row.getVersion())));
    }
}
