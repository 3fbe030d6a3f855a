package com.javelo.scim.core.usecase.tenant;

import com.javelo.scim.core.port.CustomSchemas;
import com.javelo.scim.core.port.Tenants;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.schema.AttributeDefinition;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.domain.error.UnknownTenant;
import com.javelo.scim.domain.id.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Makes a declaration a company's (issue #15). Stored values are never touched: an attribute
 * removed from the declaration is hidden and shows again when redeclared; a type change is
 * refused (409) when a stored value would not be a value of the new type.
 */
public final class DeclareCustomAttributes {

    private final Tenants tenants;
    private final CustomSchemas schemas;

    public DeclareCustomAttributes(Tenants tenants, CustomSchemas schemas) {
        this.tenants = tenants;
        this.schemas = schemas;
    }

    public CustomSchema current(TenantId tenant) {
        requireTenant(tenant);
        return schemas.of(tenant);
    }

    public CustomSchema declare(TenantId tenant, CustomSchema declaration) {
        requireTenant(tenant);
        CustomSchema before = schemas.of(tenant);
        for (AttributeDefinition attribute : declaration.attributes()) {
            Optional<AttributeDefinition> previous = before.attribute(attribute.name());
            // A value kept while hidden must convert too: it shows again once declared.
            boolean typeChanges =
                    previous.map(old -> old.type() != attribute.type()).orElse(true);
            if (typeChanges) {
                List<String> stored = schemas.storedValues(tenant, attribute.name());
                Optional<String> refused = stored.stream()
                        .filter(value -> !CustomSchema.accepts(attribute.type(), value))
                        .findFirst();
                if (refused.isPresent()) {
                    throw ScimErrors.conflict("attribute '" + attribute.name() + "' cannot become "
                            + attribute.type().wireValue() + ": a stored value (\"" + abbreviate(refused.get())
                            + "\") is not one; change or clear those values first, or keep the type "
                            + previous.map(old -> old.type().wireValue()).orElse("it had"));
                }
            }
        }
        schemas.replace(tenant, declaration);
        return declaration;
    }

    private void requireTenant(TenantId tenant) {
        if (tenants.findById(tenant).isEmpty()) {
            throw new UnknownTenant(tenant.value());
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
