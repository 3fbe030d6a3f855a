package com.javelo.scim.core.port.contract;

import static com.javelo.scim.core.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.javelo.scim.core.fixtures.UserFixtures;
import com.javelo.scim.core.port.Page;
import com.javelo.scim.core.port.RecordedEvent;
import com.javelo.scim.core.port.ResourceQuery;
import com.javelo.scim.core.port.UserWithGroups;
import com.javelo.scim.core.protocol.filter.ComparisonOperator;
import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.json.UserJson;
import com.javelo.scim.core.protocol.paging.KeysetPosition;
import com.javelo.scim.core.protocol.paging.SortValues;
import com.javelo.scim.core.protocol.schema.AttributeDefinition;
import com.javelo.scim.core.protocol.schema.AttributePath;
import com.javelo.scim.core.protocol.schema.AttributePathParser;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.core.protocol.schema.ResourceSchema;
import com.javelo.scim.core.protocol.schema.SchemaDefinition;
import com.javelo.scim.core.usecase.ConflictRetry;
import com.javelo.scim.domain.error.StaleVersion;
import com.javelo.scim.domain.error.UnknownUser;
import com.javelo.scim.domain.error.UserNameAlreadyTaken;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.group.Group;
import com.javelo.scim.domain.group.GroupMembership;
import com.javelo.scim.domain.id.GroupId;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.resource.Change;
import com.javelo.scim.domain.resource.ExpectedVersion;
import com.javelo.scim.domain.resource.Version;
import com.javelo.scim.domain.user.ManagerReference;
import com.javelo.scim.domain.user.MultiValue;
import com.javelo.scim.domain.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link com.javelo.scim.core.port.Users} adapter must do. */
public abstract class UsersContract extends ContractFixture {

    private User stored(String userName) {
        Change<User> created = aUser().in(acme).withUserName(userName).provision(now());
        ports.users().insert(created.after(), created.events());
        return created.after();
    }

    private static Filter eq(String attribute, String value) {
        return new Filter.Comparison(AttributePath.of(attribute), ComparisonOperator.EQ, TextNode.valueOf(value));
    }

    @Test
    void aStoredUserReadsBackWithEveryAttribute() {
        Change<User> created = aUser().in(acme)
                .managedBy(ManagerReference.pending("boss@acme.example"))
                .provision(now());
        ports.users().insert(created.after(), created.events());

        assertThat(ports.users().findById(acme, created.after().id())).contains(created.after());
    }

    @Test
    void aUserIsFoundWithTheGroupsItBelongsToInCreationOrder() {
        User alice = stored("alice@acme.example");
        stored("bob@acme.example");
        Group first = Group.create(acme, new GroupId("g-1"), "Engineering", null, now())
                .after();
        Group second =
                Group.create(acme, new GroupId("g-2"), "Paris", null, now()).after();
        Group notHers =
                Group.create(acme, new GroupId("g-3"), "Sales", null, now()).after();
        for (Group group : List.of(second, notHers, first)) {
            ports.groups().insert(group, List.of());
        }
        ports.groups().addMembers(acme, second.id(), Set.of(alice.id()));
        ports.groups().addMembers(acme, first.id(), Set.of(alice.id()));

        UserWithGroups found =
                ports.users().findByIdWithGroups(acme, alice.id()).orElseThrow();

        assertThat(found.user()).isEqualTo(alice);
        assertThat(found.groups())
                .containsExactly(
                        new GroupMembership(first.id(), "Engineering"), new GroupMembership(second.id(), "Paris"));
        assertThat(ports.users().findByIdWithGroups(globex, alice.id())).isEmpty();
    }

    @Test
    void aUserInNoGroupIsFoundWithNoGroupsAlsoInsideAUnitOfWork() {
        User alice = stored("alice@acme.example");

        // Inside a unit of work the row is read to be changed (and locked where the store can).
        UserWithGroups found = ports.unitOfWork()
                .inTransaction(
                        () -> ports.users().findByIdWithGroups(acme, alice.id()).orElseThrow());

        assertThat(found).isEqualTo(new UserWithGroups(alice, List.of()));
        assertThat(ports.users().findByIdWithGroups(acme, new UserId("nobody"))).isEmpty();
    }

    @Test
    void aUserWithSeveralEmailsIsStoredWithEveryEmailAndEveryEvent() {
        int recorded = events().size();
        Change<User> alice = aUser().in(acme)
                .withUserName("alice")
                .withEmails(
                        "alice@acme.example",
                        "a.smith@acme.example",
                        "a1@acme.example",
                        "a2@acme.example",
                        "a3@acme.example")
                .provision(now());
        List<DomainEvent> twoEvents = List.of(
                alice.events().get(0),
                new DomainEvent.UserDeactivated(acme, alice.after().id(), now()));

        ports.users().insert(alice.after(), twoEvents);

        for (String email : List.of("alice@acme.example", "A.Smith@acme.example", "a3@acme.example")) {
            assertThat(ports.users().findByEmail(acme, email)).containsExactly(alice.after());
        }
        assertThat(ports.users().findById(acme, alice.after().id())).contains(alice.after());
        assertThat(events().subList(recorded, events().size())).isEqualTo(twoEvents);
    }

    @Test
    void aFailedInsertStoresNoneOfTheUsersEmails() {
        stored("alice@acme.example");
        Change<User> twin = aUser().in(acme)
                .withUserName("ALICE@acme.example")
                .withEmails("twin@acme.example")
                .provision(now());

        assertThatThrownBy(() -> ports.users().insert(twin.after(), twin.events()))
                .isInstanceOf(UserNameAlreadyTaken.class);
        assertThat(ports.users().findByEmail(acme, "twin@acme.example")).isEmpty();
    }

    @Test
    void anUpdateWithSeveralEventsRecordsThemAllOrFromAStaleVersionNone() {
        User alice = stored("alice@acme.example");
        Change<User> renamedAndDeactivated = alice.replace(
                aUser().withUserName("alice@acme.example")
                        .withName("Alice", "Smith")
                        .profile(),
                false,
                null,
                now());
        assertThat(renamedAndDeactivated.events()).hasSize(2);
        int recorded = events().size();

        ports.users().update(alice, renamedAndDeactivated.after(), renamedAndDeactivated.events());

        assertThat(ports.users().findById(acme, alice.id())).contains(renamedAndDeactivated.after());
        assertThat(events().subList(recorded, events().size())).isEqualTo(renamedAndDeactivated.events());
        assertThatThrownBy(() ->
                        ports.users().update(alice, renamedAndDeactivated.after(), renamedAndDeactivated.events()))
                .isInstanceOf(StaleVersion.class);
        assertThat(events()).hasSize(recorded + 2);
    }

    @Test
    void anUpdateOfAUserWhoIsGoneSaysSo() {
        User alice = stored("alice@acme.example");
        ports.users().delete(alice, ExpectedVersion.any(), List.of(alice.delete(now())));
        Change<User> deactivated = alice.deactivate(now());

        assertThatThrownBy(() -> ports.users().update(alice, deactivated.after(), deactivated.events()))
                .isInstanceOf(UnknownUser.class);
    }

    @Test
    void userNamesAreFoundIgnoringCase() {
        User user = stored("Alice@Acme.example");

        assertThat(ports.users().findByUserName(acme, "ALICE@acme.EXAMPLE")).contains(user);
    }

    @Test
    void aUserNameDifferingOnlyInCaseIsTaken() {
        stored("alice@acme.example");
        User twin = aUser().in(acme).withUserName("ALICE@acme.example").build(now());

        assertThatThrownBy(() -> ports.users().insert(twin, List.of())).isInstanceOf(UserNameAlreadyTaken.class);
    }

    @Test
    void anotherTenantMayUseTheSameUserName() {
        stored("alice@acme.example");
        User other = aUser().in(globex).withUserName("alice@acme.example").build(now());

        ports.users().insert(other, List.of());

        assertThat(ports.users().findByUserName(globex, "alice@acme.example")).contains(other);
    }

    @Test
    void aTenantNeverSeesAnotherTenantsUsers() {
        User alice = stored("alice@acme.example");

        assertThat(ports.users().findById(globex, alice.id())).isEmpty();
        assertThat(ports.users().findByUserName(globex, "alice@acme.example")).isEmpty();
        assertThat(ports.users().findByEmail(globex, "alice@acme.example")).isEmpty();
        assertThat(ports.users().query(globex, ResourceQuery.all()).totalResults())
                .isZero();
        assertThat(ports.users().missing(globex, Set.of(alice.id()))).containsExactly(alice.id());
    }

    @Test
    void anUpdateStoresTheNewStateAndItsEvents() {
        User alice = stored("alice@acme.example");
        Change<User> deactivated = alice.deactivate(now());

        ports.users().update(alice, deactivated.after(), deactivated.events());

        User reloaded = ports.users().findById(acme, alice.id()).orElseThrow();
        assertThat(reloaded.active()).isFalse();
        assertThat(reloaded.meta().version()).isEqualTo(new Version(2));
        assertThat(events()).last().isInstanceOf(DomainEvent.UserDeactivated.class);
    }

    /**
     * Writers that name no version, as most of Okta's and Entra's requests do, each read the user
     * and write where its version still matches, retrying on the fresh state when another got
     * there first ({@link ConflictRetry}, the path of every user update). However they interleave,
     * every change is kept. Many rounds, because a lost one is rare: H2 lost about one round in a
     * hundred before its writers took turns.
     */
    @Test
    void concurrentUpdatesThatNameNoVersionAreAllKept() throws Exception {
        int writers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int round = 0; round < 60; round++) {
                User created = stored("busy" + round + "@acme.example");
                UserId id = created.id();
                List<Future<?>> updates = new ArrayList<>();
                for (int writer = 0; writer < writers; writer++) {
                    String email = "w" + writer + "-r" + round + "@acme.example";
                    updates.add(pool.submit(() -> ConflictRetry.optimisticFirst(
                            ports.unitOfWork(), ExpectedVersion.any(), () -> addEmail(id, email))));
                }
                for (Future<?> update : updates) {
                    update.get(30, TimeUnit.SECONDS);
                }

                User stored = ports.users().findById(acme, id).orElseThrow();
                assertThat(stored.profile().emails())
                        .as("round " + round)
                        .hasSize(created.profile().emails().size() + writers);
                assertThat(stored.meta().version()).as("round " + round).isEqualTo(new Version(writers + 1));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Void addEmail(UserId id, String email) {
        User current = ports.users().findById(acme, id).orElseThrow();
        List<String> emails = new ArrayList<>(
                current.profile().emails().stream().map(MultiValue::value).toList());
        emails.add(email);
        Change<User> added = current.replace(
                aUser().withUserName(current.userName().value())
                        .withEmails(emails.toArray(String[]::new))
                        .profile(),
                true,
                null,
                now());
        ports.users().update(current, added.after(), added.events());
        return null;
    }

    @Test
    void anUpdateFromAStaleVersionIsRefusedAndRecordsNothing() {
        User alice = stored("alice@acme.example");
        Change<User> first = alice.deactivate(now());
        ports.users().update(alice, first.after(), first.events());
        int recorded = events().size();
        Change<User> second = alice.deactivate(now());

        assertThatThrownBy(() -> ports.users().update(alice, second.after(), second.events()))
                .isInstanceOf(StaleVersion.class);
        assertThat(events()).hasSize(recorded);
    }

    @Test
    void renamingOntoAnotherUsersNameIsRefused() {
        stored("alice@acme.example");
        User bob = stored("bob@acme.example");
        User renamed = bob.replace(aUser().withUserName("ALICE@acme.example").profile(), true, null, now())
                .after();

        assertThatThrownBy(() -> ports.users().update(bob, renamed, List.of()))
                .isInstanceOf(UserNameAlreadyTaken.class);
    }

    @Test
    void aFailedInsertRecordsNoEvent() {
        stored("alice@acme.example");
        int recorded = events().size();
        Change<User> twin = aUser().in(acme).withUserName("alice@acme.example").provision(now());

        assertThatThrownBy(() -> ports.users().insert(twin.after(), twin.events()))
                .isInstanceOf(UserNameAlreadyTaken.class);
        assertThat(events()).hasSize(recorded);
    }

    @Test
    void deletingAUserFreesItsUserNameAndRemovesItFromEveryGroup() {
        User alice = stored("alice@acme.example");
        Group group = Group.create(acme, new GroupId("g-1"), "Engineering", null, now())
                .after();
        ports.groups().insert(group, List.of());
        ports.groups().addMembers(acme, group.id(), Set.of(alice.id()));

        ports.users().delete(alice, ExpectedVersion.of(alice.meta().version()), List.of(alice.delete(now())));

        assertThat(ports.users().findById(acme, alice.id())).isEmpty();
        assertThat(ports.groups().countMembers(acme, group.id())).isZero();
        User newcomer = aUser().in(acme).withUserName("alice@acme.example").build(now());
        ports.users().insert(newcomer, List.of());
        assertThat(ports.users().findByUserName(acme, "alice@acme.example")).contains(newcomer);
        assertThat(events()).last().isInstanceOf(DomainEvent.UserDeleted.class);
    }

    @Test
    void usersAreFoundByEmailIgnoringCase() {
        User alice = aUser().in(acme)
                .withUserName("alice")
                .withEmails("Alice.Smith@Acme.example")
                .build(now());
        ports.users().insert(alice, List.of());

        assertThat(ports.users().findByEmail(acme, "alice.smith@ACME.example")).containsExactly(alice);
    }

    @Test
    void emailsFollowEveryUpdateThatChangesThemAndSurviveOnesThatDoNot() {
        User alice = aUser().in(acme)
                .withUserName("alice")
                .withEmails("alice@acme.example")
                .build(now());
        ports.users().insert(alice, List.of());
        Change<User> deactivated = alice.deactivate(now());
        ports.users().update(alice, deactivated.after(), deactivated.events());

        assertThat(ports.users().findByEmail(acme, "alice@acme.example")).containsExactly(deactivated.after());

        User renamed = deactivated
                .after()
                .replace(
                        aUser().withUserName("alice")
                                .withEmails("alice.smith@acme.example")
                                .profile(),
                        false,
                        null,
                        now())
                .after();
        ports.users().update(deactivated.after(), renamed, List.of());

        assertThat(ports.users().findByEmail(acme, "alice@acme.example")).isEmpty();
        assertThat(ports.users().findByEmail(acme, "alice.smith@acme.example")).containsExactly(renamed);
    }

    @Test
    void pendingManagerReferencesAreFoundByTheKeysThatWouldResolveThem() {
        User report = aUser().in(acme)
                .withUserName("report@acme.example")
                .managedBy(ManagerReference.pending("Boss@Acme.example"))
                .build(now());
        User linked = aUser().in(acme)
                .withUserName("linked@acme.example")
                .managedBy(ManagerReference.pending("boss@acme.example").resolvedTo(new UserId("someone")))
                .build(now());
        ports.users().insert(report, List.of());
        ports.users().insert(linked, List.of());

        assertThat(ports.users().findPendingManagerReferences(acme, Set.of("boss@acme.example", "b-id")))
                .containsExactly(report);
        assertThat(ports.users().findPendingManagerReferences(globex, Set.of("boss@acme.example")))
                .isEmpty();
    }

    @Test
    void reportsAreFoundByTheirResolvedManager() {
        User boss = stored("boss@acme.example");
        User report = aUser().in(acme)
                .withUserName("report@acme.example")
                .managedBy(ManagerReference.pending("boss@acme.example").resolvedTo(boss.id()))
                .build(now());
        ports.users().insert(report, List.of());
        stored("other@acme.example");

        assertThat(ports.users().findReportsOf(acme, boss.id())).containsExactly(report);
        assertThat(ports.users().findReportsOf(globex, boss.id())).isEmpty();
    }

    @Test
    void missingNamesOnlyTheIdsThatAreNotUsersOfTheTenant() {
        User alice = stored("alice@acme.example");

        assertThat(ports.users().missing(acme, Set.of(alice.id(), new UserId("nobody"))))
                .containsExactly(new UserId("nobody"));
    }

    @Test
    void aFilterOnUserNameIgnoresCase() {
        User alice = stored("alice@acme.example");
        stored("bob@acme.example");

        Page<User> page = ports.users().query(acme, ResourceQuery.filtered(eq("userName", "ALICE@ACME.EXAMPLE")));

        assertThat(page.totalResults()).isEqualTo(1);
        assertThat(page.items()).containsExactly(alice);
    }

    @Test
    void aFilterOnExternalIdIsCaseExact() {
        User alice = aUser().in(acme).withExternalId("00uAbC").build(now());
        ports.users().insert(alice, List.of());

        assertThat(ports.users()
                        .query(acme, ResourceQuery.filtered(eq("externalId", "00uAbC")))
                        .items())
                .containsExactly(alice);
        assertThat(ports.users()
                        .query(acme, ResourceQuery.filtered(eq("externalId", "00UABC")))
                        .items())
                .isEmpty();
    }

    @Test
    void aValuePathFilterMatchesWorkEmails() {
        User alice = aUser().in(acme)
                .withUserName("alice")
                .withEmails("alice@acme.example")
                .build(now());
        ports.users().insert(alice, List.of());
        Filter workEmail = new Filter.ValuePath(
                AttributePath.of("emails"), new Filter.And(eq("type", "work"), eq("value", "ALICE@acme.example")));

        assertThat(ports.users().query(acme, ResourceQuery.filtered(workEmail)).items())
                .containsExactly(alice);
    }

    @Test
    void filtersCombineWithAndOrAndNot() {
        User alice = stored("alice@acme.example");
        User bob = stored("bob@acme.example");
        stored("carol@acme.example");
        Filter active = new Filter.Comparison(AttributePath.of("active"), ComparisonOperator.EQ, BooleanNode.TRUE);
        Filter aliceOrBob = new Filter.Or(eq("userName", "alice@acme.example"), eq("userName", "bob@acme.example"));
        Filter notBob = new Filter.Not(eq("userName", "bob@acme.example"));

        assertThat(ports.users()
                        .query(acme, ResourceQuery.filtered(new Filter.And(active, new Filter.And(aliceOrBob, notBob))))
                        .items())
                .containsExactly(alice);
        assertThat(bob).isNotNull();
    }

    @Test
    void startsWithAndContainsCompareIgnoringCaseForUserNames() {
        User alice = stored("alice@acme.example");
        stored("bob@acme.example");
        Filter sw = new Filter.Comparison(AttributePath.of("userName"), ComparisonOperator.SW, TextNode.valueOf("ALI"));
        Filter co =
                new Filter.Comparison(AttributePath.of("userName"), ComparisonOperator.CO, TextNode.valueOf("CE@AC"));

        assertThat(ports.users().query(acme, ResourceQuery.filtered(sw)).items())
                .containsExactly(alice);
        assertThat(ports.users().query(acme, ResourceQuery.filtered(co)).items())
                .containsExactly(alice);
    }

    @Test
    void pagesAreStableAndCountTheWholeResult() {
        for (int i = 0; i < 7; i++) {
            stored("user" + i + "@acme.example");
        }
        List<User> all = ports.users().query(acme, ResourceQuery.all()).items();

        Page<User> second = ports.users().query(acme, new ResourceQuery(null, null, true, 3, 3));
        Page<User> totalsOnly = ports.users().query(acme, new ResourceQuery(null, null, true, 0, 0));

        assertThat(second.totalResults()).isEqualTo(7);
        assertThat(second.items()).containsExactlyElementsOf(all.subList(3, 6));
        assertThat(totalsOnly.totalResults()).isEqualTo(7);
        assertThat(totalsOnly.items()).isEmpty();
    }

    @Test
    void aKeysetPageHoldsTheUsersAfterItsPositionInCreationOrderAndCountsTheWholeResult() {
        for (int i = 0; i < 7; i++) {
            stored("user" + i + "@acme.example");
        }
        Change<User> elsewhere =
                aUser().in(globex).withUserName("someone@globex.example").provision(now());
        ports.users().insert(elsewhere.after(), elsewhere.events());
        List<User> all = ports.users().query(acme, ResourceQuery.all()).items();

        Page<User> first = ports.users().query(acme, ResourceQuery.keyset(null, null, 3));
        Page<User> second = ports.users()
                .query(acme, ResourceQuery.keyset(null, position(first.items().get(2)), 3));
        Page<User> last = ports.users()
                .query(acme, ResourceQuery.keyset(null, position(second.items().get(2)), 3));
        Page<UserWithGroups> withGroups = ports.users()
                .queryWithGroups(
                        acme, ResourceQuery.keyset(null, position(first.items().get(2)), 3));

        assertThat(first.items()).containsExactlyElementsOf(all.subList(0, 3));
        assertThat(second.items()).containsExactlyElementsOf(all.subList(3, 6));
        assertThat(last.items()).containsExactlyElementsOf(all.subList(6, 7));
        assertThat(withGroups.items()).extracting(UserWithGroups::user).containsExactlyElementsOf(all.subList(3, 6));
        assertThat(List.of(first, second, last, withGroups))
                .allSatisfy(page -> assertThat(page.totalResults()).isEqualTo(7));
    }

    @Test
    void aKeysetPageFiltersAndKeepsItsPlaceWhenUsersChangeOrGo() {
        User a = stored("a@acme.example");
        User b = stored("b@acme.example");
        User c = stored("c@acme.example");
        User d = stored("d@acme.example");
        Filter acmeOnly = new Filter.Comparison(
                AttributePath.of("userName"), ComparisonOperator.EW, TextNode.valueOf("@acme.example"));
        Page<User> first = ports.users().query(acme, ResourceQuery.keyset(acmeOnly, null, 2));
        // b changes (its place in creation order stays), c leaves: the next page goes on after b.
        Change<User> deactivated = b.deactivate(now());
        ports.users().update(b, deactivated.after(), deactivated.events());
        ports.users().delete(c, ExpectedVersion.any(), List.of());

        Page<User> next = ports.users()
                .query(
                        acme,
                        ResourceQuery.keyset(acmeOnly, position(first.items().get(1)), 2));

        assertThat(first.items()).extracting(User::id).containsExactly(a.id(), b.id());
        assertThat(next.items()).extracting(User::id).containsExactly(d.id());
        assertThat(ports.users()
                        .query(acme, ResourceQuery.keyset(eq("userName", "d@acme.example"), null, 2))
                        .items())
                .extracting(User::id)
                .containsExactly(d.id());
    }

    private static KeysetPosition position(User user) {
        return new KeysetPosition(user.meta().created(), user.id().value());
    }

    @Test
    void aSortedKeysetWalkFollowsTheIndexPagedSortWithTiesAndAbsentValuesInEitherDirection() {
        // title compares ignoring case: three "engineer"s and two "manager"s tie, two have none.
        User engineer = titled("Engineer");
        User lowerEngineer = titled("engineer");
        User manager = titled("Manager");
        User none = titled(null);
        User upperEngineer = titled("ENGINEER");
        User alsoNone = titled(null);
        User analyst = titled("Analyst");
        User lowerManager = titled("manager");
        Change<User> elsewhere = aUser().in(globex).withTitle("Engineer").provision(now());
        ports.users().insert(elsewhere.after(), elsewhere.events());

        for (boolean ascending : List.of(true, false)) {
            for (int pageSize : List.of(2, 3)) {
                assertThat(sortedWalk("title", ascending, pageSize))
                        .as("title %s by %d", ascending ? "ascending" : "descending", pageSize)
                        .containsExactlyElementsOf(sortedByIndex("title", ascending));
                assertThat(sortedWalk("userName", ascending, pageSize))
                        .containsExactlyElementsOf(sortedByIndex("userName", ascending));
            }
        }
        // Ties in creation order; no value last in both directions.
        assertThat(sortedWalk("title", true, 2))
                .containsExactly(
                        analyst, engineer, lowerEngineer, upperEngineer, manager, lowerManager, none, alsoNone);
        assertThat(sortedWalk("title", false, 2))
                .containsExactly(
                        manager, lowerManager, engineer, lowerEngineer, upperEngineer, analyst, none, alsoNone);
    }

    @Test
    void aKeysetWalkFollowsTheIndexPagedSortForEverySortableAttribute() {
        // Most attributes tie (the fixture's defaults), some differ in case or accents, some are absent.
        List<UserFixtures> people = List.of(
                aUser().withUserName("b@acme.example"),
                aUser().withName("Émile", "Zola")
                        .withTitle("engineer")
                        .deactivated()
                        .managedBy(ManagerReference.pending("Boss@acme.example")),
                aUser().withName("adam", "smith")
                        .withTitle(null)
                        .managedBy(ManagerReference.pending("alice@acme.example")),
                aUser().withUserName("A@acme.example").withName("Zoé", "abel").withExternalId("x-1"),
                aUser().withExternalId("x-0").withTitle("Manager").deactivated(),
                aUser().withName("emile", "zola"));
        for (UserFixtures person : people) {
            Change<User> created = person.in(acme).provision(now());
            ports.users().insert(created.after(), created.events());
        }

        for (AttributePath path : sortable(ResourceSchema.USER)) {
            for (boolean ascending : List.of(true, false)) {
                List<User> indexed = ports.users()
                        .query(acme, new ResourceQuery(null, path, ascending, 0, 100))
                        .items();
                assertThat(sortedWalk(path, ascending, 2))
                        .as("%s %s", path, ascending ? "ascending" : "descending")
                        .containsExactlyElementsOf(indexed);
            }
        }
    }

    private static List<AttributePath> sortable(ResourceSchema resource) {
        List<AttributePath> paths = new ArrayList<>();
        for (SchemaDefinition schema : resource.schemas()) {
            for (AttributeDefinition attribute : schema.attributes()) {
                if (attribute.sortable()) {
                    paths.add(new AttributePath(schema.id(), attribute.name(), null));
                }
                for (AttributeDefinition sub : attribute.subAttributes()) {
                    if (sub.sortable()) {
                        paths.add(new AttributePath(schema.id(), attribute.name(), sub.name()));
                    }
                }
            }
        }
        assertThat(paths).hasSizeGreaterThan(15);
        return paths;
    }

    @Test
    void aKeysetWalkSortedByADateTimeKeepsTiesInCreationOrder() {
        List<User> made = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            made.add(titled("Engineer"));
        }
        // Three changed at the same instant tie on meta.lastModified; one changed later comes last.
        java.time.Instant together = now();
        List<User> current = new ArrayList<>(made);
        for (int i : List.of(2, 4, 5)) {
            current.set(i, changed(made.get(i), together));
        }
        current.set(1, changed(made.get(1), now()));

        for (boolean ascending : List.of(true, false)) {
            for (int pageSize : List.of(2, 3)) {
                assertThat(sortedWalk("meta.lastModified", ascending, pageSize))
                        .containsExactlyElementsOf(sortedByIndex("meta.lastModified", ascending));
            }
        }
        assertThat(sortedWalk("meta.lastModified", true, 2))
                .extracting(User::id)
                .containsExactly(
                        made.get(0).id(),
                        made.get(3).id(),
                        made.get(2).id(),
                        made.get(4).id(),
                        made.get(5).id(),
                        made.get(1).id());
        assertThat(sortedWalk("meta.lastModified", false, 2))
                .extracting(User::id)
                .containsExactly(
                        made.get(1).id(),
                        made.get(2).id(),
                        made.get(4).id(),
                        made.get(5).id(),
                        made.get(3).id(),
                        made.get(0).id());
    }

    @Test
    void aSortedKeysetPageKeepsItsPlaceWhenUsersChangeOtherAttributesOrGo() {
        User a = titled("a");
        User b = titled("b");
        User c = titled("c");
        User d = titled("d");
        User e = titled("e");
        AttributePath title = AttributePath.of("title");
        Page<User> first = ports.users().query(acme, ResourceQuery.keyset(null, title, false, null, 2));
        // d (already returned) and b change in other attributes, c leaves, a newcomer sorts first.
        for (User changing : List.of(d, b)) {
            Change<User> deactivated = changing.deactivate(now());
            ports.users().update(changing, deactivated.after(), deactivated.events());
        }
        ports.users().delete(c, ExpectedVersion.any(), List.of());
        titled("z");

        KeysetPosition after = sortedPosition(first.items().get(1), title);
        Page<User> next = ports.users().query(acme, ResourceQuery.keyset(null, title, false, after, 10));
        Page<UserWithGroups> withGroups =
                ports.users().queryWithGroups(acme, ResourceQuery.keyset(null, title, false, after, 10));

        assertThat(first.items()).extracting(User::id).containsExactly(e.id(), d.id());
        assertThat(next.items()).extracting(User::id).containsExactly(b.id(), a.id());
        assertThat(withGroups.items()).extracting(listed -> listed.user().id()).containsExactly(b.id(), a.id());
        assertThat(next.totalResults()).isEqualTo(5);
    }

    private User titled(String title) {
        Change<User> created = aUser().in(acme).withTitle(title).provision(now());
        ports.users().insert(created.after(), created.events());
        return created.after();
    }

    private User changed(User user, java.time.Instant at) {
        Change<User> deactivated = user.deactivate(at);
        ports.users().update(user, deactivated.after(), deactivated.events());
        return deactivated.after();
    }

    /** Walks a sorted list page by page as a client's cursors do, each page after the last one's place. */
    private List<User> sortedWalk(String sortBy, boolean ascending, int pageSize) {
        return sortedWalk(AttributePathParser.parse(sortBy), ascending, pageSize);
    }

    private List<User> sortedWalk(AttributePath path, boolean ascending, int pageSize) {
        List<User> walked = new ArrayList<>();
        KeysetPosition after = null;
        while (true) {
            List<User> page = ports.users()
                    .query(acme, ResourceQuery.keyset(null, path, ascending, after, pageSize))
                    .items();
            walked.addAll(page);
            if (page.size() < pageSize) {
                return walked;
            }
            after = sortedPosition(page.get(page.size() - 1), path);
        }
    }

    private List<User> sortedByIndex(String sortBy, boolean ascending) {
        return ports.users()
                .query(acme, new ResourceQuery(null, AttributePathParser.parse(sortBy), ascending, 0, 1000))
                .items();
    }

    /** The place a cursor after {@code user} holds, as the endpoint reads it. */
    private static KeysetPosition sortedPosition(User user, AttributePath path) {
        return new KeysetPosition(
                SortValues.of(UserJson.write(user, List.of(), "", CustomSchema.NONE), path, CustomSchema.NONE),
                user.meta().created(),
                user.id().value());
    }

    @Test
    void resultsSortByUserNameInEitherDirection() {
        User bob = stored("bob@acme.example");
        User alice = stored("Alice@acme.example");
        User carol = stored("carol@acme.example");

        assertThat(ports.users()
                        .query(acme, new ResourceQuery(null, AttributePath.of("userName"), true, 0, 10))
                        .items())
                .containsExactly(alice, bob, carol);
        assertThat(ports.users()
                        .query(acme, new ResourceQuery(null, AttributePath.of("userName"), false, 0, 10))
                        .items())
                .containsExactly(carol, bob, alice);
    }

    @Test
    void aUnitOfWorkThatFailsLeavesNoTrace() {
        int recorded = events().size();
        Change<User> alice = aUser().in(acme).withUserName("alice@acme.example").provision(now());

        assertThatThrownBy(() -> ports.unitOfWork().inTransaction(() -> {
                    ports.users().insert(alice.after(), alice.events());
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(ports.users().findById(acme, alice.after().id())).isEmpty();
        assertThat(events()).hasSize(recorded);
    }

    protected List<DomainEvent> events() {
        return ports.outbox().readAfter(0, Integer.MAX_VALUE).stream()
                .map(RecordedEvent::event)
                .toList();
    }
}
