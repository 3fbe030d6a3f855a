package com.javelo.scim.core.port.contract;

import static com.javelo.scim.core.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.core.port.ActivityEntry;
import com.javelo.scim.core.port.ActivityQuery;
import com.javelo.scim.core.port.ProvisioningFigures;
import com.javelo.scim.core.port.ReadCount;
import com.javelo.scim.domain.group.Group;
import com.javelo.scim.domain.id.GroupId;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.resource.Change;
import com.javelo.scim.domain.user.ManagerReference;
import com.javelo.scim.domain.user.User;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link com.javelo.scim.core.port.ActivityLog} and
 * {@link com.javelo.scim.core.port.ProvisioningFigures} adapter must do.
 */
public abstract class ActivityLogContract extends ContractFixture {

    private ActivityEntry entry(TenantId tenant, Instant at, String method, int status, String name) {
        return new ActivityEntry(
                null,
                tenant,
                at,
                "Okta SCIM Client 1.0.0",
                method,
                "User",
                "u-" + name,
                name,
                status,
                status >= 400 ? "uniqueness" : null,
                status >= 400 ? "userName taken" : null,
                12,
                "req-" + name);
    }

    @Test
    void entriesArePagedNewestFirstPerTenant() {
        Instant at = now();
        ports.activityLog()
                .append(List.of(
                        entry(acme, at, "POST", 201, "alice"),
                        entry(acme, now(), "PATCH", 200, "bob"),
                        entry(globex, now(), "POST", 201, "other"),
                        entry(acme, now(), "DELETE", 204, "carol")));

        List<ActivityEntry> first = ports.activityLog().page(acme, new ActivityQuery(false, 2, null));
        assertThat(first).extracting(ActivityEntry::resourceName).containsExactly("carol", "bob");
        List<ActivityEntry> second = ports.activityLog()
                .page(acme, new ActivityQuery(false, 2, first.get(1).id()));
        assertThat(second).extracting(ActivityEntry::resourceName).containsExactly("alice");
        ActivityEntry alice = second.get(0);
        assertThat(alice).isEqualTo(entry(acme, at, "POST", 201, "alice").withId(alice.id()));
    }

    @Test
    void errorsOnlyKeepsTheFailedRequests() {
        ports.activityLog()
                .append(List.of(
                        entry(acme, now(), "POST", 201, "alice"),
                        entry(acme, now(), "POST", 409, "alice"),
                        entry(acme, now(), "GET", 404, "ghost")));

        assertThat(ports.activityLog().page(acme, new ActivityQuery(true, 10, null)))
                .extracting(ActivityEntry::status)
                .containsExactly(404, 409);
        assertThat(ports.activityLog()
                        .page(acme, new ActivityQuery(true, 10, null))
                        .get(1)
                        .detail())
                .isEqualTo("userName taken");
    }

    @Test
    void readsAreCountedPerMinute() {
        Instant minute = now().truncatedTo(ChronoUnit.MINUTES);
        ports.activityLog().countReads(List.of(new ReadCount(acme, minute, 3), new ReadCount(globex, minute, 5)));
        ports.activityLog()
                .countReads(List.of(
                        new ReadCount(acme, minute, 2), new ReadCount(acme, minute.minus(2, ChronoUnit.HOURS), 7)));

        assertThat(ports.activityLog().readsSince(acme, minute)).isEqualTo(5);
        assertThat(ports.activityLog().readsSince(acme, minute.minus(3, ChronoUnit.HOURS)))
                .isEqualTo(12);
        assertThat(ports.activityLog().readsSince(globex, minute)).isEqualTo(5);
    }

    @Test
    void purgeDropsOldEntriesAndBoundsEachTenant() {
        Instant old = now().minus(40, ChronoUnit.DAYS);
        ports.activityLog().append(List.of(entry(acme, old, "POST", 201, "ancient")));
        ports.activityLog().countReads(List.of(new ReadCount(acme, old.truncatedTo(ChronoUnit.MINUTES), 4)));
        ports.activityLog()
                .append(IntStream.range(0, 5)
                        .mapToObj(i -> entry(acme, now(), "POST", 201, "a" + i))
                        .toList());
        ports.activityLog().append(List.of(entry(globex, now(), "POST", 201, "g")));

        long deleted = ports.activityLog().purge(now().minus(30, ChronoUnit.DAYS), 3);

        assertThat(deleted).isEqualTo(3);
        assertThat(ports.activityLog().page(acme, new ActivityQuery(false, 10, null)))
                .extracting(ActivityEntry::resourceName)
                .containsExactly("a4", "a3", "a2");
        assertThat(ports.activityLog().page(globex, new ActivityQuery(false, 10, null)))
                .hasSize(1);
        assertThat(ports.activityLog().readsSince(acme, old.minus(1, ChronoUnit.DAYS)))
                .isZero();
    }

    @Test
    void figuresCountUsersGroupsAndPendingManagers() {
        insert(aUser().in(acme).withUserName("alice").provision(now()));
        insert(aUser().in(acme).withUserName("bob").deactivated().provision(now()));
        insert(aUser().in(acme)
                .withUserName("carol")
                .managedBy(ManagerReference.pending("boss@acme.example"))
                .provision(now()));
        insert(aUser().in(globex)
                .withUserName("zed")
                .managedBy(ManagerReference.pending("x"))
                .provision(now()));
        Change<Group> group = Group.create(acme, new GroupId(UUID.randomUUID().toString()), "Eng", null, now());
        ports.groups().insert(group.after(), group.events());

        assertThat(ports.figures().figures(acme)).isEqualTo(new ProvisioningFigures.Figures(2, 1, 1, 1));
        List<ProvisioningFigures.PendingManager> pending = ports.figures().pendingManagers(acme, 10);
        assertThat(pending)
                .extracting(
                        ProvisioningFigures.PendingManager::userName,
                        ProvisioningFigures.PendingManager::managerReference)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("carol", "boss@acme.example"));
        assertThat(ports.figures().figures(tenant("Empty"))).isEqualTo(new ProvisioningFigures.Figures(0, 0, 0, 0));
    }

    private void insert(Change<User> created) {
        ports.users().insert(created.after(), created.events());
    }
}
