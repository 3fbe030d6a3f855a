package com.javelo.scim.core.port;

import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.domain.id.TenantId;
import java.util.List;

/**
 * Outgoing port for each company's declaration of Javelo's user extension
 * ({@link CustomSchema}). Read on every user request: an application keeps it in memory
 * (a company that declares nothing must not cost a look-up per request).
 */
public interface CustomSchemas {

    /** The port of an embedding where no company declares anything. */
    CustomSchemas NONE = new CustomSchemas() {
        @Override
        public CustomSchema of(TenantId tenant) {
            return CustomSchema.NONE;
        }

        @Override
        public void replace(TenantId tenant, CustomSchema schema) {
            throw new UnsupportedOperationException("this embedding keeps no declarations");
        }

        @Override
        public List<String> storedValues(TenantId tenant, String attribute) {
            return List.of();
        }
    };

    /** @return the company's declaration; {@link CustomSchema#NONE} when it declared nothing */
    CustomSchema of(TenantId tenant);

    /** Makes {@code schema} the company's declaration; people's stored values are left as they are. */
    void replace(TenantId tenant, CustomSchema schema);

    /**
     * @return the stored values (canonical text) of the custom attribute {@code attribute}
     *     (ignoring case) over the company's people, for checking that a type change converts them
     */
    List<String> storedValues(TenantId tenant, String attribute);
}
