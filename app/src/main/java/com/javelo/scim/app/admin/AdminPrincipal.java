package com.javelo.scim.app.admin;

import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.domain.id.TenantId;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Who signed in to the admin API: the Javelo operator (SCIM_ADMIN_TOKEN), who acts for every
 * company, or a company admin (a console token), who acts for one. The authentication filter
 * resolves it; each endpoint says which it admits.
 */
public sealed interface AdminPrincipal {

    /** The request property holding the resolved principal. */
    String PROPERTY = "javelo.scim.adminPrincipal";

    record Operator() implements AdminPrincipal {}

    record CompanyAdmin(TenantId tenant) implements AdminPrincipal {}

    static AdminPrincipal of(ContainerRequestContext request) {
        if (request.getProperty(PROPERTY) instanceof AdminPrincipal principal) {
            return principal;
        }
        throw new IllegalStateException("admin endpoint reached without an authenticated principal");
    }

    /** @throws ScimException 403 unless this is the operator */
    default void requireOperator() {
        if (!(this instanceof Operator)) {
            throw ScimErrors.forbidden(
                    "only the Javelo operator (SCIM_ADMIN_TOKEN) may do this; a console token acts for its own company");
        }
    }

    /**
     * @return the company {@code id} names, if this principal may act for it
     * @throws ScimException 404 for another company's id, exactly as for an unknown one: a
     *     company admin learns nothing of other companies, not even that they exist
     */
    default TenantId company(String id) {
        TenantId tenant = new TenantId(id);
        if (this instanceof CompanyAdmin admin && !admin.tenant().equals(tenant)) {
            throw ScimErrors.notFound(AdminResource.unknownCompany(id));
        }
        return tenant;
    }
}
