package com.javelo.scim.core.inmemory;

import com.javelo.scim.core.port.CustomSchemas;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.user.User;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each company's declaration, in memory; stored values are read from the users themselves. */
public final class InMemoryCustomSchemas implements CustomSchemas {

    private final InMemoryState state;
    private final Map<TenantId, CustomSchema> declarations = new ConcurrentHashMap<>();

    InMemoryCustomSchemas(InMemoryState state) {
        this.state = state;
    }

    @Override
    public CustomSchema of(TenantId tenant) {
        return declarations.getOrDefault(tenant, CustomSchema.NONE);
    }

    @Override
    public void replace(TenantId tenant, CustomSchema schema) {
        declarations.put(tenant, schema);
    }

    @Override
    public List<String> storedValues(TenantId tenant, String attribute) {
        return state.atomically(() -> state.users.values().stream()
                .filter(user -> user.tenantId().equals(tenant))
                .map(User::profile)
                .flatMap(profile -> profile.custom().get(attribute).orElse(List.of()).stream())
                .toList());
    }
}
