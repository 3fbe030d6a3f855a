package com.javelo.scim.app.assembly;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.javelo.scim.core.port.CustomSchemas;
import com.javelo.scim.core.port.UnitOfWork;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.domain.id.TenantId;
import java.time.Duration;
import java.util.List;

/**
 * Keeps each company's declaration in memory: it is read on every user request, and a company
 * that declares nothing must not pay a database look-up per request (issue #15's performance
 * rule). A change made here is seen here at once and announced to the other instances through the
 * token-revocation channel ({@link TokenRevocations}), which makes them forget the company's
 * declaration too; were that news lost, they would see it within {@link #TIME_TO_LIVE}.
 */
public final class CachingCustomSchemas implements CustomSchemas, TokenRevocations.Subscriber {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);

    private final CustomSchemas store;
    private final TokenRevocations revocations;
    private final UnitOfWork unitOfWork;
    private final Cache<TenantId, CustomSchema> declarations = Caffeine.newBuilder()
            .expireAfterWrite(TIME_TO_LIVE)
            .maximumSize(10_000)
            .build();

    /** @param unitOfWork the store's: a declaration written inside one is forgotten once it commits */
    public CachingCustomSchemas(CustomSchemas store, TokenRevocations revocations, UnitOfWork unitOfWork) {
        this.store = store;
        this.revocations = revocations;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public CustomSchema of(TenantId tenant) {
        return declarations.get(tenant, store::of);
    }

    @Override
    public void replace(TenantId tenant, CustomSchema schema) {
        store.replace(tenant, schema);
        // Inside a unit of work (a declaration that promotes carried values), a read before the
        // commit would cache the old declaration again: this instance and the others forget it
        // once the new one is seen.
        declarations.invalidate(tenant);
        unitOfWork.afterCommit(() -> {
            declarations.invalidate(tenant);
            revocations.publish(tenant);
        });
    }

    @Override
    public List<String> storedValues(TenantId tenant, String attribute) {
        return store.storedValues(tenant, attribute);
    }

    @Override
    public void tokensChanged(TenantId tenant) {
        declarations.invalidate(tenant);
    }

    @Override
    public void newsMayHaveBeenMissed() {
        declarations.invalidateAll();
    }
}
