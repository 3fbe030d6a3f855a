package com.javelo.scim.adapter.jooq.user;

import static com.javelo.scim.adapter.jooq.generated.Tables.GROUP_MEMBERS;
import static com.javelo.scim.adapter.jooq.generated.Tables.SCIM_GROUPS;
import static com.javelo.scim.adapter.jooq.generated.Tables.USERS;
import static com.javelo.scim.adapter.jooq.generated.Tables.USER_EMAILS;

import com.javelo.scim.adapter.jooq.generated.tables.records.UsersRecord;
import com.javelo.scim.adapter.jooq.sql.RowParams;
import com.javelo.scim.core.port.UserWithGroups;
import com.javelo.scim.core.protocol.json.UserProfileJson;
import com.javelo.scim.domain.group.GroupMembership;
import com.javelo.scim.domain.id.GroupId;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.resource.ResourceMeta;
import com.javelo.scim.domain.resource.Version;
import com.javelo.scim.domain.user.ManagerReference;
import com.javelo.scim.domain.user.MultiValue;
import com.javelo.scim.domain.user.User;
import com.javelo.scim.domain.user.UserName;
import com.javelo.scim.domain.user.UserOrigin;
import com.javelo.scim.domain.user.UserProfile;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** How a user maps to its rows ({@code users}, {@code user_emails}) and back. */
final class UserRows {

    private UserRows() {}

    /** A user's groups as a nested collection of the user's row (MULTISET: one query for a page). */
    static final Field<List<GroupMembership>> GROUPS = DSL.multiset(DSL.select(SCIM_GROUPS.ID, SCIM_GROUPS.DISPLAY_NAME)
                    .from(GROUP_MEMBERS)
                    .join(SCIM_GROUPS)
                    .on(SCIM_GROUPS
                            .TENANT_ID
                            .eq(GROUP_MEMBERS.TENANT_ID)
                            .and(SCIM_GROUPS.ID.eq(GROUP_MEMBERS.GROUP_ID)))
                    .where(GROUP_MEMBERS.TENANT_ID.eq(USERS.TENANT_ID).and(GROUP_MEMBERS.USER_ID.eq(USERS.ID)))
                    .orderBy(SCIM_GROUPS.CREATED, SCIM_GROUPS.ID))
            .as("user_groups")
            .convertFrom(
                    groups -> groups.map(group -> new GroupMembership(new GroupId(group.value1()), group.value2())));

    /**
     * The columns a user is read back from: the profile holds every SCIM attribute (the other
     * columns repeat some of them for filters and sorting, and reading them back would cost the
     * database and the driver more than half the row for nothing).
     */
    static final List<Field<?>> READ = List.of(
            USERS.TENANT_ID,
            USERS.ID,
            USERS.PROFILE,
            USERS.ACTIVE,
            USERS.MANAGER_VALUE,
            USERS.MANAGER_ID,
            USERS.ORIGIN,
            USERS.CREATED,
            USERS.LAST_MODIFIED,
            USERS.VERSION);

    static final List<Field<?>> READ_WITH_GROUPS =
            Stream.concat(READ.stream(), Stream.of(GROUPS)).toList();

    /** One of a user's emails, as its {@code user_emails} row is written. */
    record UserEmail(User user, MultiValue email) {}

    /** The row of one email; {@code ordinal} is its place among the user's emails. */
    static final RowParams<UserEmail> EMAIL = RowParams.<UserEmail>named("email")
            .column(USER_EMAILS.TENANT_ID, row -> row.user().tenantId().value())
            .column(USER_EMAILS.USER_ID, row -> row.user().id().value())
            .ordinal(USER_EMAILS.ORDINAL)
            .column(USER_EMAILS.EMAIL, row -> row.email().value())
            .column(
                    USER_EMAILS.EMAIL_KEY,
                    row -> row.email().value() == null
                            ? null
                            : UserName.normalize(row.email().value()))
            .column(USER_EMAILS.EMAIL_TYPE, row -> row.email().type())
            .column(USER_EMAILS.IS_PRIMARY, row -> row.email().isPrimary())
            .build();

    static List<UserEmail> emails(User user) {
        return user.profile().emails().stream()
                .map(email -> new UserEmail(user, email))
                .toList();
    }

    static UsersRecord row(DSLContext dsl, User user) {
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
        row.setManagerId(
                manager == null || manager.resolvedId() == null
                        ? null
                        : manager.resolvedId().value());
        row.setOrigin(user.origin().name());
        row.setProfile(UserProfileJson.write(profile));
        row.setCreated(user.meta().created().atOffset(ZoneOffset.UTC));
        row.setLastModified(user.meta().lastModified().atOffset(ZoneOffset.UTC));
        row.setVersion(user.meta().version().value());
        return row;
    }

    static User user(Record row) {
        String managerValue = row.get(USERS.MANAGER_VALUE);
        String managerId = row.get(USERS.MANAGER_ID);
        ManagerReference manager = managerValue == null
                ? null
                : new ManagerReference(managerValue, managerId == null ? null : new UserId(managerId));
        return User.reconstitute(
                new TenantId(row.get(USERS.TENANT_ID)),
                new UserId(row.get(USERS.ID)),
                UserProfileJson.read(row.get(USERS.PROFILE)),
                row.get(USERS.ACTIVE),
                manager,
                UserOrigin.valueOf(row.get(USERS.ORIGIN)),
                new ResourceMeta(
                        row.get(USERS.CREATED).toInstant(),
                        row.get(USERS.LAST_MODIFIED).toInstant(),
                        new Version(row.get(USERS.VERSION))));
    }

    /** A row of {@link #READ_WITH_GROUPS}. */
    static UserWithGroups withGroups(Record row) {
        return new UserWithGroups(user(row), row.get(GROUPS));
    }
}
