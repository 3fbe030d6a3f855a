package com.javelo.scim.adapter.jooq.filter;

import static com.javelo.scim.adapter.jooq.generated.Tables.GROUP_MEMBERS;
import static com.javelo.scim.adapter.jooq.generated.Tables.SCIM_GROUPS;
import static com.javelo.scim.adapter.jooq.generated.Tables.USERS;
import static com.javelo.scim.adapter.jooq.generated.Tables.USER_EMAILS;

import com.javelo.scim.adapter.jooq.filter.Column.Kind;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.schema.AttributePath;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.domain.user.UserName;
import java.util.Locale;
import java.util.Map;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * Which SQL column each filterable (and sortable) SCIM attribute is, for users and for groups.
 * Names are matched case-insensitively, with or without their schema URN.
 */
public final class ResourceColumns {

    private static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:user";
    private static final String GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:group";
    private static final String ENTERPRISE_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user";

    private static final Map<String, Column.Single> USER_COLUMNS = Map.ofEntries(
            Map.entry("id", new Column.Single(USERS.ID, Kind.TEXT_EXACT)),
            Map.entry("username", nameKey(USERS.USER_NAME_KEY)),
            Map.entry("externalid", new Column.Single(USERS.EXTERNAL_ID, Kind.TEXT_EXACT)),
            Map.entry("displayname", lower(USERS.DISPLAY_NAME)),
            Map.entry("name.givenname", lower(USERS.GIVEN_NAME)),
            Map.entry("name.familyname", lower(USERS.FAMILY_NAME)),
            Map.entry("nickname", lower(USERS.NICK_NAME)),
            Map.entry("title", lower(USERS.TITLE)),
            Map.entry("usertype", lower(USERS.USER_TYPE)),
            Map.entry("locale", lower(USERS.LOCALE)),
            Map.entry("preferredlanguage", lower(USERS.PREFERRED_LANGUAGE)),
            Map.entry("timezone", lower(USERS.TIMEZONE)),
            Map.entry("active", new Column.Single(USERS.ACTIVE, Kind.BOOLEAN)),
            Map.entry("meta.created", new Column.Single(USERS.CREATED, Kind.TIMESTAMP)),
            Map.entry("meta.lastmodified", new Column.Single(USERS.LAST_MODIFIED, Kind.TIMESTAMP)),
            Map.entry("employeenumber", lower(USERS.EMPLOYEE_NUMBER)),
            Map.entry("department", lower(USERS.DEPARTMENT)),
            Map.entry("division", lower(USERS.DIVISION)),
            Map.entry("costcenter", lower(USERS.COST_CENTER)),
            Map.entry("organization", lower(USERS.ORGANIZATION)),
            Map.entry("manager", nameKey(USERS.MANAGER_VALUE_KEY)),
            Map.entry("manager.value", nameKey(USERS.MANAGER_VALUE_KEY)));

    private static final Map<String, Column.Single> EMAIL_COLUMNS = Map.of(
            "value", new Column.Single(USER_EMAILS.EMAIL_KEY, Kind.TEXT_IGNORING_CASE),
            "type", lower(USER_EMAILS.EMAIL_TYPE),
            "primary", new Column.Single(USER_EMAILS.IS_PRIMARY, Kind.BOOLEAN));

    private static final Column.Multi EMAILS = new Column.Multi(
            condition -> DSL.exists(DSL.selectOne()
                    .from(USER_EMAILS)
                    .where(USER_EMAILS
                            .TENANT_ID
                            .eq(USERS.TENANT_ID)
                            .and(USER_EMAILS.USER_ID.eq(USERS.ID))
                            .and(condition))),
            sub -> sub(EMAIL_COLUMNS, "emails", sub),
            "value");

    private static final Map<String, Column.Single> GROUP_COLUMNS = Map.of(
            "id", new Column.Single(SCIM_GROUPS.ID, Kind.TEXT_EXACT),
            "displayname", nameKey(SCIM_GROUPS.DISPLAY_NAME_KEY),
            "externalid", new Column.Single(SCIM_GROUPS.EXTERNAL_ID, Kind.TEXT_EXACT),
            "meta.created", new Column.Single(SCIM_GROUPS.CREATED, Kind.TIMESTAMP),
            "meta.lastmodified", new Column.Single(SCIM_GROUPS.LAST_MODIFIED, Kind.TIMESTAMP));

    private static final Column.Multi MEMBERS = new Column.Multi(
            condition -> DSL.exists(DSL.selectOne()
                    .from(GROUP_MEMBERS)
                    .where(GROUP_MEMBERS
                            .TENANT_ID
                            .eq(SCIM_GROUPS.TENANT_ID)
                            .and(GROUP_MEMBERS.GROUP_ID.eq(SCIM_GROUPS.ID))
                            .and(condition))),
            sub -> sub(Map.of("value", new Column.Single(GROUP_MEMBERS.USER_ID, Kind.TEXT_EXACT)), "members", sub),
            "value");

    private ResourceColumns() {}

    static Column user(AttributePath path) {
        requireKnownUrn(path, USER_URN, ENTERPRISE_URN);
        String key = path.key();
        if (key.equals("emails") || key.startsWith("emails.")) {
            return EMAILS;
        }
        Column.Single column = USER_COLUMNS.get(key);
        if (column == null) {
            throw notFilterable(
                    path,
                    "userName, externalId, id, displayName, name.givenName, name.familyName, "
                            + "emails, active, title, meta.created, meta.lastModified or an enterprise attribute");
        }
        return column;
    }

    /** Like {@link #user(AttributePath)}, with the company's declared attributes (see {@link CustomAttributeColumns}). */
    static Column user(AttributePath path, CustomSchema custom) {
        if (CustomSchema.isUrn(path.schemaUrn())) {
            return CustomAttributeColumns.of(custom.attribute(path.attribute())
                    .orElseThrow(
                            () -> ScimErrors.invalidFilter("cannot filter on '" + path + "': it is not declared")));
        }
        return user(path);
    }

    static Column group(AttributePath path) {
        requireKnownUrn(path, GROUP_URN);
        String key = path.key();
        if (key.equals("members") || key.startsWith("members.")) {
            return MEMBERS;
        }
        Column.Single column = GROUP_COLUMNS.get(key);
        if (column == null) {
            throw notFilterable(path, "displayName, externalId, id, members, meta.created or meta.lastModified");
        }
        return column;
    }

    /** @return the sort field for a user attribute (single-valued columns only) */
    public static SortField<?> userSort(AttributePath path, boolean ascending) {
        return sort(userSortColumn(path, CustomSchema.NONE), ascending);
    }

    /** Like {@link #userSort(AttributePath, boolean)}; a declared single-valued attribute sorts by its value. */
    public static SortField<?> userSort(AttributePath path, boolean ascending, CustomSchema custom) {
        return sort(userSortColumn(path, custom), ascending);
    }

    public static SortField<?> groupSort(AttributePath path, boolean ascending) {
        return sort(groupSortColumn(path), ascending);
    }

    /** The column (or expression) a user list sorted by {@code path} is ordered by. */
    static Column.Single userSortColumn(AttributePath path, CustomSchema custom) {
        if (CustomSchema.isUrn(path.schemaUrn())) {
            return CustomAttributeColumns.sortColumn(custom.attribute(path.attribute())
                    .orElseThrow(() -> ScimErrors.invalidValue("cannot sort by '" + path + "': it is not declared")));
        }
        return single(user(path), path);
    }

    static Column.Single groupSortColumn(AttributePath path) {
        return single(group(path), path);
    }

    private static Column.Single single(Column column, AttributePath path) {
        if (!(column instanceof Column.Single single)) {
            throw ScimErrors.invalidValue("cannot sort by the multi-valued attribute '" + path + "'");
        }
        return single;
    }

    private static SortField<?> sort(Column.Single column, boolean ascending) {
        return ascending
                ? column.field().asc().nullsLast()
                : column.field().desc().nullsLast();
    }

    /** A key column: the value as {@link UserName#normalize} keys it on write (userName, manager, group name). */
    private static Column.Single nameKey(Field<String> key) {
        return new Column.Single(key, Kind.TEXT_IGNORING_CASE, raw -> DSL.val(UserName.normalize(raw)));
    }

    /** Read lower-cased by SQL: a value compares with it as {@code lower(?)}, the same expression. */
    private static Column.Single lower(Field<String> field) {
        return new Column.Single(DSL.lower(field), Kind.TEXT_IGNORING_CASE, raw -> DSL.lower(DSL.val(raw)));
    }

    private static Column.Single sub(Map<String, Column.Single> columns, String attribute, String sub) {
        Column.Single column = columns.get(sub.toLowerCase(Locale.ROOT));
        if (column == null) {
            throw ScimErrors.invalidFilter("cannot filter on '" + attribute + "." + sub + "'; filterable: " + attribute
                    + "." + String.join(", " + attribute + ".", columns.keySet()));
        }
        return column;
    }

    private static void requireKnownUrn(AttributePath path, String... urns) {
        if (path.schemaUrn() == null) {
            return;
        }
        for (String urn : urns) {
            if (urn.equalsIgnoreCase(path.schemaUrn())) {
                return;
            }
        }
        throw ScimErrors.invalidFilter("unknown schema '" + path.schemaUrn() + "' in filter attribute '" + path + "'");
    }

    private static RuntimeException notFilterable(AttributePath path, String filterable) {
        return ScimErrors.invalidFilter("cannot filter on '" + path + "'; filterable attributes are " + filterable);
    }
}
