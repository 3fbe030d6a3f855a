package com.javelo.scim.core.inmemory;

import com.javelo.scim.core.port.ProvisioningFigures;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.user.ManagerReference;
import com.javelo.scim.domain.user.User;
import java.util.Comparator;
import java.util.List;

/** Counts over the in-memory state. */
final class InMemoryProvisioningFigures implements ProvisioningFigures {

    private final InMemoryState state;

    InMemoryProvisioningFigures(InMemoryState state) {
        this.state = state;
    }

    @Override
    public Figures figures(TenantId tenant) {
        return state.atomically(() -> {
            List<User> users = users(tenant);
            long active = users.stream().filter(User::active).count();
            long groups = state.groups.keySet().stream()
                    .filter(key -> key.tenant().equals(tenant))
                    .count();
            long pending = users.stream()
                    .filter(InMemoryProvisioningFigures::waitsForManager)
                    .count();
            return new Figures(active, users.size() - active, groups, pending);
        });
    }

    @Override
    public List<PendingManager> pendingManagers(TenantId tenant, int limit) {
        return state.atomically(() -> users(tenant).stream()
                .filter(InMemoryProvisioningFigures::waitsForManager)
                .sorted(Comparator.comparing(user -> user.userName().key()))
                .limit(limit)
                .map(user -> new PendingManager(
                        user.id().value(),
                        user.userName().value(),
                        user.manager().map(ManagerReference::value).orElseThrow()))
                .toList());
    }

    private List<User> users(TenantId tenant) {
        return state.users.values().stream()
                .filter(user -> user.tenantId().equals(tenant))
                .toList();
    }

    private static boolean waitsForManager(User user) {
        return user.manager().filter(ManagerReference::isPending).isPresent();
    }
}
