package com.javelo.scim.adapter.jooq.attribute;

import static com.javelo.scim.adapter.jooq.generated.Tables.USER_ATTRIBUTE_VALUES;

import com.javelo.scim.adapter.jooq.generated.tables.records.UserAttributeValuesRecord;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.resource.CaseFolding;
import com.javelo.scim.domain.user.CustomAttributes;
import com.javelo.scim.domain.user.User;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep9;

/**
 * The rows of {@code user_attribute_values}: one per value of a company's custom attribute, in
 * every typed column the value converts to (see V6). Written with the user, in its transaction,
 * and only for people who have custom values or had some: a company that declares nothing pays
 * no statement.
 */
public final class AttributeValues {

    private AttributeValues() {}

    /** At most this many rows per insert: 9 bind values each, under PostgreSQL's 65,535 per statement. */
    private static final int ROWS_PER_INSERT = 5_000;

    /** Writes the rows of a new user (none when it has no custom value). */
    public static void insert(DSLContext dsl, User user) {
        insertAll(dsl, List.of(user));
    }

    /**
     * Rewrites the rows of people whose custom values were revised together (a declaration that
     * made carried values declared ones): one delete, then one insert per {@value #ROWS_PER_INSERT} rows.
     */
    public static void replaceAll(DSLContext dsl, TenantId tenant, List<User> users) {
        if (users.isEmpty()) {
            return;
        }
        dsl.deleteFrom(USER_ATTRIBUTE_VALUES)
                .where(USER_ATTRIBUTE_VALUES
                        .TENANT_ID
                        .eq(tenant.value())
                        .and(USER_ATTRIBUTE_VALUES.USER_ID.in(
                                users.stream().map(user -> user.id().value()).toList())))
                .execute();
        insertAll(dsl, users);
    }

    private static void insertAll(DSLContext dsl, List<User> users) {
        InsertValuesStep9<
                        UserAttributeValuesRecord,
                        String,
                        String,
                        String,
                        Integer,
                        String,
                        String,
                        java.math.BigDecimal,
                        OffsetDateTime,
                        Boolean>
                insert = null;
        int rows = 0;
        for (User user : users) {
            for (Map.Entry<String, List<String>> attribute :
                    user.profile().custom().values().entrySet()) {
                String name = CustomAttributes.key(attribute.getKey());
                List<String> values = attribute.getValue();
                for (int ordinal = 0; ordinal < values.size(); ordinal++) {
                    if (insert == null) {
                        insert = dsl.insertInto(
                                USER_ATTRIBUTE_VALUES,
                                USER_ATTRIBUTE_VALUES.TENANT_ID,
                                USER_ATTRIBUTE_VALUES.USER_ID,
                                USER_ATTRIBUTE_VALUES.NAME_KEY,
                                USER_ATTRIBUTE_VALUES.ORDINAL,
                                USER_ATTRIBUTE_VALUES.VALUE_TEXT,
                                USER_ATTRIBUTE_VALUES.VALUE_KEY,
                                USER_ATTRIBUTE_VALUES.VALUE_NUM,
                                USER_ATTRIBUTE_VALUES.VALUE_TS,
                                USER_ATTRIBUTE_VALUES.VALUE_BOOL);
                    }
                    String text = values.get(ordinal);
                    insert = insert.values(
                            user.tenantId().value(),
                            user.id().value(),
                            name,
                            ordinal,
                            text,
                            CaseFolding.fold(text),
                            CustomSchema.decimal(text)
                                    .map(number -> number.setScale(20, java.math.RoundingMode.HALF_EVEN))
                                    .orElse(null),
                            CustomSchema.dateTime(text).orElse(null),
                            text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null);
                    if (++rows == ROWS_PER_INSERT) {
                        insert.execute();
                        insert = null;
                        rows = 0;
                    }
                }
            }
        }
        if (insert != null) {
            insert.execute();
        }
    }

    /** Rewrites a user's rows when its custom values changed. */
    public static void replace(DSLContext dsl, User current, User changed) {
        if (current.profile().custom().equals(changed.profile().custom())) {
            return;
        }
        dsl.deleteFrom(USER_ATTRIBUTE_VALUES)
                .where(USER_ATTRIBUTE_VALUES
                        .TENANT_ID
                        .eq(changed.tenantId().value())
                        .and(USER_ATTRIBUTE_VALUES.USER_ID.eq(changed.id().value())))
                .execute();
        insert(dsl, changed);
    }

    /** @return whether a write of {@code current} → {@code changed} touches the rows */
    public static boolean changes(User current, User changed) {
        return !current.profile().custom().equals(changed.profile().custom());
    }

    /** @return the stored texts of one attribute over a tenant's users */
    public static List<String> texts(DSLContext dsl, String tenant, String attribute) {
        return dsl.select(USER_ATTRIBUTE_VALUES.VALUE_TEXT)
                .from(USER_ATTRIBUTE_VALUES)
                .where(USER_ATTRIBUTE_VALUES
                        .TENANT_ID
                        .eq(tenant)
                        .and(USER_ATTRIBUTE_VALUES.NAME_KEY.eq(CustomAttributes.key(attribute))))
                .fetch(USER_ATTRIBUTE_VALUES.VALUE_TEXT);
    }
}
