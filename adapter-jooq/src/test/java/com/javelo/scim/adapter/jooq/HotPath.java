package com.javelo.scim.adapter.jooq;

import static com.javelo.scim.core.fixtures.UserFixtures.aUser;

import com.javelo.scim.domain.group.Group;
import com.javelo.scim.domain.id.GroupId;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.resource.Change;
import com.javelo.scim.domain.resource.ExpectedVersion;
import com.javelo.scim.domain.tenant.Tenant;
import com.javelo.scim.domain.user.User;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The writes every provisioning request makes, as the use cases call the ports: a user create
 * (CreateUser), a PATCH deactivation (PatchUser: one read, one write), and members added to a
 * group (PatchGroup: in a unit of work). Each step's statements are recorded apart.
 */
final class HotPath {

    private final JooqPersistence persistence;
    private final Supplier<List<String>> recorded;
    private final Map<String, List<String>> statements = new LinkedHashMap<>();
    private Instant now = Instant.parse("2026-01-01T09:00:00Z");

    HotPath(JooqPersistence persistence, Supplier<List<String>> recorded) {
        this.persistence = persistence;
        this.recorded = recorded;
    }

    /** @return each step's statements, in order */
    Map<String, List<String>> run() {
        TenantId acme = new TenantId("acme");
        persistence.tenants().insert(new Tenant(acme, "Acme", tick()));
        User bob = created(acme, "bob@acme.example");
        User carol = created(acme, "carol@acme.example");
        User dan = created(acme, "dan@acme.example");
        Group engineering = Group.create(acme, new GroupId("g-1"), "Engineering", null, tick())
                .after();
        persistence.groups().insert(engineering, List.of());
        recorded.get();

        User alice = create(acme, "alice@acme.example");
        statements.put("user create", recorded.get());

        User current = persistence
                .users()
                .findByIdWithGroups(acme, alice.id())
                .orElseThrow()
                .user();
        Change<User> deactivated = current.deactivate(tick());
        persistence.users().update(current, deactivated.after(), deactivated.events());
        statements.put("user PATCH active=false", recorded.get());

        Group afterOne = addMembers(acme, engineering.id(), Set.of(alice.id()));
        statements.put("group PATCH add one member", recorded.get());

        addMembers(acme, afterOne.id(), new LinkedHashSet<>(List.of(bob.id(), carol.id(), dan.id())));
        statements.put("group PATCH add three members", recorded.get());
        return statements;
    }

    private User created(TenantId tenant, String userName) {
        return create(tenant, userName);
    }

    private User create(TenantId tenant, String userName) {
        Change<User> created =
                aUser().in(tenant).withUserName(userName).withEmails(userName).provision(tick());
        User user = created.after();
        persistence
                .users()
                .findPendingManagerReferences(tenant, List.of(user.id().value(), userName, userName));
        persistence.users().insert(user, created.events());
        return user;
    }

    private Group addMembers(TenantId tenant, GroupId id, Set<UserId> users) {
        return persistence.unitOfWork().inTransaction(() -> {
            Group group = persistence.groups().findById(tenant, id).orElseThrow();
            persistence.users().missing(tenant, users);
            Map<UserId, String> labels = new LinkedHashMap<>();
            users.forEach(user -> labels.put(user, "label of " + user.value()));
            Set<UserId> added = persistence.groups().addMembers(tenant, id, users, labels);
            Change<Group> recorded = group.recordMembership(added, Set.of(), tick());
            persistence
                    .groups()
                    .update(recorded.after(), ExpectedVersion.of(group.meta().version()), recorded.events());
            return recorded.after();
        });
    }

    private Instant tick() {
        now = now.plus(1, ChronoUnit.MILLIS);
        return now;
    }
}
