package com.javelo.scim.adapter.jooq.attribute;

import static com.javelo.scim.adapter.jooq.generated.Tables.CUSTOM_SCHEMAS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.javelo.scim.adapter.jooq.transaction.JooqContext;
import com.javelo.scim.core.port.CustomSchemas;
import com.javelo.scim.core.protocol.json.CustomSchemaJson;
import com.javelo.scim.core.protocol.json.ScimJson;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.domain.id.TenantId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Companies' declarations in {@code custom_schemas} (one row per company that declared, as the
 * admin API's JSON). Every read is a look-up: the application keeps them in memory.
 */
public final class JooqCustomSchemas implements CustomSchemas {

    private final JooqContext context;

    public JooqCustomSchemas(JooqContext context) {
        this.context = context;
    }

    @Override
    public CustomSchema of(TenantId tenant) {
        return context.read(dsl -> dsl.select(CUSTOM_SCHEMAS.DECLARATION)
                .from(CUSTOM_SCHEMAS)
                .where(CUSTOM_SCHEMAS.TENANT_ID.eq(tenant.value()))
                .fetchOptional(CUSTOM_SCHEMAS.DECLARATION)
                .map(JooqCustomSchemas::parse)
                .orElse(CustomSchema.NONE));
    }

    @Override
    public void replace(TenantId tenant, CustomSchema schema) {
        String declaration = CustomSchemaJson.write(schema).toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        context.transaction(dsl -> {
            int updated = dsl.update(CUSTOM_SCHEMAS)
                    .set(CUSTOM_SCHEMAS.DECLARATION, declaration)
                    .set(CUSTOM_SCHEMAS.UPDATED_AT, now)
                    .where(CUSTOM_SCHEMAS.TENANT_ID.eq(tenant.value()))
                    .execute();
            if (updated == 0) {
                dsl.insertInto(CUSTOM_SCHEMAS)
                        .set(CUSTOM_SCHEMAS.TENANT_ID, tenant.value())
                        .set(CUSTOM_SCHEMAS.DECLARATION, declaration)
                        .set(CUSTOM_SCHEMAS.UPDATED_AT, now)
                        .execute();
            }
            return null;
        });
    }

    @Override
    public List<String> storedValues(TenantId tenant, String attribute) {
        return context.read(dsl -> AttributeValues.texts(dsl, tenant.value(), attribute));
    }

    private static CustomSchema parse(String declaration) {
        try {
            return CustomSchemaJson.read(ScimJson.mapper().readTree(declaration));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored declaration is not valid JSON", e);
        }
    }
}
