package com.javelo.scim.core.usecase.tenant;

import com.javelo.scim.core.port.CustomSchemas;
import com.javelo.scim.core.port.Tenants;
import com.javelo.scim.core.port.UnitOfWork;
import com.javelo.scim.core.port.Users;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.core.protocol.json.UserJson;
import com.javelo.scim.core.protocol.schema.AttributeDefinition;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.domain.error.UnknownTenant;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.user.UserProfile;
import java.util.List;
import java.util.Optional;

/**
 * Makes a declaration a company's (issue #15). Stored values are never lost: an attribute removed
 * from the declaration is hidden and shows again when redeclared; a type change is refused (409)
 * when a stored value would not be a value of the new type. Values that came under Javelo's
 * extension while their attribute was not declared (carried as sent) become declared values with
 * the declaration, in the same unit of work, as if they had come after it: filterable, typed,
 * returned once. One of them that is not a value of the declared type makes the declaration a 409
 * naming it and a person who carries it, and nothing changes.
 */
public final class DeclareCustomAttributes {

    private final Tenants tenants;
    private final CustomSchemas schemas;
    private final Users users;
    private final UnitOfWork unitOfWork;

    public DeclareCustomAttributes(Tenants tenants, CustomSchemas schemas, Users users, UnitOfWork unitOfWork) {
        this.tenants = tenants;
        this.schemas = schemas;
        this.users = users;
        this.unitOfWork = unitOfWork;
    }

    public CustomSchema current(TenantId tenant) {
        requireTenant(tenant);
        return schemas.of(tenant);
    }

    public CustomSchema declare(TenantId tenant, CustomSchema declaration) {
        requireTenant(tenant);
        return unitOfWork.inTransaction(() -> {
            refuseUnconvertibleTypeChanges(tenant, declaration);
            users.reviseCarrying(tenant, CustomSchema.URN, profile -> promoted(profile, declaration));
            // Last: a declaration cache forgets the old one as this is written, so the commit follows at once.
            schemas.replace(tenant, declaration);
            return declaration;
        });
    }

    private void refuseUnconvertibleTypeChanges(TenantId tenant, CustomSchema declaration) {
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
    }

    /** The profile with its carried values of declared attributes made declared ones; 409 when one is not of its type. */
    private static UserProfile promoted(UserProfile profile, CustomSchema declaration) {
        try {
            return UserJson.promoteCarried(profile, declaration);
        } catch (ScimException notOfItsType) {
            throw ScimErrors.conflict(
                    "the declaration cannot apply: user '" + profile.userName().value()
                            + "' carries a value sent before it was declared that is not of the declared type ("
                            + notOfItsType.error().detail() + "); declare another type, or have the identity "
                            + "provider send a value of this one first");
        }
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
