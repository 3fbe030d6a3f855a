package com.javelo.scim.core.port.contract;

import static com.javelo.scim.core.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import com.javelo.scim.core.port.MembershipOutcome;
import com.javelo.scim.core.port.Page;
import com.javelo.scim.core.port.RecordedEvent;
import com.javelo.scim.core.port.ResourceQuery;
import com.javelo.scim.core.port.UserWithGroups;
import com.javelo.scim.core.protocol.filter.ComparisonOperator;
import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.json.GroupJson;
import com.javelo.scim.core.protocol.paging.KeysetPosition;
import com.javelo.scim.core.protocol.paging.SortValues;
import com.javelo.scim.core.protocol.schema.AttributePath;
import com.javelo.scim.core.protocol.schema.AttributePathParser;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.domain.error.StaleVersion;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.group.Group;
import com.javelo.scim.domain.group.GroupMembership;
import com.javelo.scim.domain.group.Member;
import com.javelo.scim.domain.id.GroupId;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.resource.Change;
import com.javelo.scim.domain.resource.ExpectedVersion;
import com.javelo.scim.domain.user.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What every {@link com.javelo.scim.core.port.Groups} adapter must do. */
public abstract class GroupsContract extends ContractFixture {

    @Test
    void aKeysetPageHoldsTheGroupsAfterItsPositionInCreationOrder() {
        List<Group> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(group(acme, "Team " + i));
        }
        group(globex, "Team 9");
        Filter teams =
                new Filter.Comparison(AttributePath.of("displayName"), ComparisonOperator.SW, TextNode.valueOf("team"));

        Page<Group> first = ports.groups().query(acme, ResourceQuery.keyset(teams, null, 2));
        Page<Group> rest = ports.groups()
                .query(
                        acme,
                        ResourceQuery.keyset(
                                teams,
                                new KeysetPosition(
                                        first.items().get(1).meta().created(),
                                        first.items().get(1).id().value()),
                                10));

        assertThat(first.items()).containsExactlyElementsOf(made.subList(0, 2));
        assertThat(rest.items()).containsExactlyElementsOf(made.subList(2, 5));
        assertThat(rest.totalResults()).isEqualTo(5);
    }

    @Test
    void aSortedKeysetWalkFollowsTheIndexPagedSortWithTiesAndAbsentValuesInEitherDirection() {
        // displayName compares ignoring case ("team" ties three ways); two groups have no externalId.
        Group team = group(acme, "Team", "x1");
        Group alpha = group(acme, "alpha", null);
        Group lowerTeam = group(acme, "team", "x0");
        Group beta = group(acme, "Beta", "x1");
        Group upperTeam = group(acme, "TEAM", null);
        group(globex, "Team", "x1");

        for (String sortBy : List.of("displayName", "externalId", "meta.created")) {
            for (boolean ascending : List.of(true, false)) {
                for (int pageSize : List.of(2, 3)) {
                    assertThat(sortedWalk(sortBy, ascending, pageSize))
                            .as("%s %s by %d", sortBy, ascending ? "ascending" : "descending", pageSize)
                            .containsExactlyElementsOf(ports.groups()
                                    .query(
                                            acme,
                                            new ResourceQuery(
                                                    null, AttributePathParser.parse(sortBy), ascending, 0, 100))
                                    .items());
                }
            }
        }
        assertThat(sortedWalk("displayName", false, 2)).containsExactly(team, lowerTeam, upperTeam, beta, alpha);
        assertThat(sortedWalk("externalId", true, 2)).containsExactly(lowerTeam, team, beta, alpha, upperTeam);
        assertThat(sortedWalk("externalId", false, 2)).containsExactly(team, beta, lowerTeam, alpha, upperTeam);
    }

    private List<Group> sortedWalk(String sortBy, boolean ascending, int pageSize) {
        AttributePath path = AttributePathParser.parse(sortBy);
        List<Group> walked = new ArrayList<>();
        KeysetPosition after = null;
        while (true) {
            List<Group> page = ports.groups()
                    .query(acme, ResourceQuery.keyset(null, path, ascending, after, pageSize))
                    .items();
            walked.addAll(page);
            if (page.size() < pageSize) {
                return walked;
            }
            Group last = page.get(page.size() - 1);
            after = new KeysetPosition(
                    SortValues.of(GroupJson.write(last, "", null), path, CustomSchema.NONE),
                    last.meta().created(),
                    last.id().value());
        }
    }

    private Group group(TenantId tenant, String name, String externalId) {
        Change<Group> created =
                Group.create(tenant, new GroupId(UUID.randomUUID().toString()), name, externalId, now());
        ports.groups().insert(created.after(), created.events());
        return created.after();
    }

    private Group group(TenantId tenant, String name) {
        Change<Group> created =
                Group.create(tenant, new GroupId(UUID.randomUUID().toString()), name, "ext-" + name, now());
        ports.groups().insert(created.after(), created.events());
        return created.after();
    }

    private User user(TenantId tenant, String userName) {
        User user = aUser().in(tenant).withUserName(userName).build(now());
        ports.users().insert(user, List.of());
        return user;
    }

    private List<UserId> members(Group group) {
        List<UserId> members = new ArrayList<>();
        ports.groups().forEachMember(group.tenantId(), group.id(), member -> members.add(member.userId()));
        return members;
    }

    @Test
    void aStoredGroupReadsBack() {
        Group engineering = group(acme, "Engineering");

        assertThat(ports.groups().findById(acme, engineering.id())).contains(engineering);
        assertThat(ports.groups().findById(globex, engineering.id())).isEmpty();
    }

    @Test
    void addingMembersReportsOnlyTheNewOnes() {
        Group engineering = group(acme, "Engineering");
        User alice = user(acme, "alice");
        User bob = user(acme, "bob");

        Set<UserId> first = ports.groups().addMembers(acme, engineering.id(), Set.of(alice.id()));
        Set<UserId> second = ports.groups().addMembers(acme, engineering.id(), Set.of(alice.id(), bob.id()));

        assertThat(first).containsExactly(alice.id());
        assertThat(second).containsExactly(bob.id());
        assertThat(members(engineering)).containsExactlyInAnyOrder(alice.id(), bob.id());
        assertThat(ports.groups().countMembers(acme, engineering.id())).isEqualTo(2);
    }

    @Test
    void removingMembersReportsOnlyThoseThatWereMembers() {
        Group engineering = group(acme, "Engineering");
        User alice = user(acme, "alice");
        User bob = user(acme, "bob");
        ports.groups().addMembers(acme, engineering.id(), Set.of(alice.id()));

        Set<UserId> removed = ports.groups().removeMembers(acme, engineering.id(), Set.of(alice.id(), bob.id()));

        assertThat(removed).containsExactly(alice.id());
        assertThat(members(engineering)).isEmpty();
    }

    @Test
    void oneMemberAtATimeIsAddedOnceAndRemovedOnce() {
        Group engineering = group(acme, "Engineering");
        Group sales = group(acme, "Sales");
        User alice = user(acme, "alice");

        assertThat(ports.groups().addMembers(acme, engineering.id(), Set.of(alice.id())))
                .containsExactly(alice.id());
        assertThat(ports.groups().addMembers(acme, engineering.id(), Set.of(alice.id())))
                .isEmpty();
        assertThat(ports.groups().removeMembers(acme, sales.id(), Set.of(alice.id())))
                .isEmpty();
        assertThat(members(engineering)).containsExactly(alice.id());

        assertThat(ports.groups().removeMembers(acme, engineering.id(), Set.of(alice.id())))
                .containsExactly(alice.id());
        assertThat(ports.groups().removeMembers(acme, engineering.id(), Set.of(alice.id())))
                .isEmpty();
        assertThat(members(engineering)).isEmpty();
    }

    @Test
    void oneUserIdIsMissingOrNot() {
        User alice = user(acme, "alice");

        assertThat(ports.users().missing(acme, Set.of(alice.id()))).isEmpty();
        assertThat(ports.users().missing(globex, Set.of(alice.id()))).containsExactly(alice.id());
        assertThat(ports.users().missing(acme, Set.of(new UserId("nobody")))).containsExactly(new UserId("nobody"));
    }

    @Test
    void replacingMembersAppliesOnlyTheDifference() {
        Group engineering = group(acme, "Engineering");
        User alice = user(acme, "alice");
        User bob = user(acme, "bob");
        User carol = user(acme, "carol");
        ports.groups().addMembers(acme, engineering.id(), Set.of(alice.id(), bob.id()));

        MembershipOutcome outcome = ports.groups().replaceMembers(acme, engineering.id(), Set.of(bob.id(), carol.id()));

        assertThat(outcome.added()).containsExactly(carol.id());
        assertThat(outcome.removed()).containsExactly(alice.id());
        assertThat(members(engineering)).containsExactlyInAnyOrder(bob.id(), carol.id());
    }

    @Test
    void replacingMembersWithNobodyEmptiesTheGroup() {
        Group engineering = group(acme, "Engineering");
        User alice = user(acme, "alice");
        ports.groups().addMembers(acme, engineering.id(), Set.of(alice.id()));

        MembershipOutcome outcome = ports.groups().replaceMembers(acme, engineering.id(), Set.of());

        assertThat(outcome.removed()).containsExactly(alice.id());
        assertThat(ports.groups().countMembers(acme, engineering.id())).isZero();
    }

    @Test
    void membersAreListedWithTheirDisplayName() {
        Group engineering = group(acme, "Engineering");
        User alice = aUser().in(acme)
                .withUserName("alice@acme.example")
                .withName("Alice", "Smith")
                .build(now());
        ports.users().insert(alice, List.of());
        ports.groups().addMembers(acme, engineering.id(), Set.of(alice.id()));

        List<Member> members = new ArrayList<>();
        ports.groups().forEachMember(acme, engineering.id(), members::add);

        assertThat(members).containsExactly(new Member(alice.id(), "Alice Smith"));
    }

    @Test
    void aLabelGivenByTheIdentityProviderIsShownInsteadOfTheUsersName() {
        Group engineering = group(acme, "Engineering");
        User alice = user(acme, "alice");
        User bob = user(acme, "bob");
        ports.groups().addMembers(acme, engineering.id(), Set.of(alice.id()));

        ports.groups().labelMembers(acme, engineering.id(), Map.of(alice.id(), "Alice (Okta)", bob.id(), "Bob"));

        List<Member> members = new ArrayList<>();
        ports.groups().forEachMember(acme, engineering.id(), members::add);
        assertThat(members).containsExactly(new Member(alice.id(), "Alice (Okta)"));
    }

    @Test
    void membersAddedWithLabelsKeepThemAndAnExistingMembersLabelIsNotReplacedByAnAdd() {
        Group engineering = group(acme, "Engineering");
        User alice = user(acme, "alice");
        User bob = user(acme, "bob");
        ports.groups().addMembers(acme, engineering.id(), Set.of(alice.id()), Map.of(alice.id(), "Alice (Okta)"));

        Set<UserId> added = ports.groups()
                .addMembers(
                        acme,
                        engineering.id(),
                        new LinkedHashSet<>(List.of(alice.id(), bob.id())),
                        Map.of(alice.id(), "Alice again", bob.id(), "Bob (Okta)"));

        assertThat(added).containsExactly(bob.id());
        List<Member> members = new ArrayList<>();
        ports.groups().forEachMember(acme, engineering.id(), members::add);
        assertThat(members)
                .containsExactlyInAnyOrder(new Member(alice.id(), "Alice (Okta)"), new Member(bob.id(), "Bob (Okta)"));
    }

    @Test
    void aGroupPushBatchAddsTheNewMembersWithTheirLabelsAndRemovesThemAgain() {
        Group everyone = group(acme, "Everyone");
        List<User> people = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            people.add(user(acme, "person" + i));
        }
        Set<UserId> firstHalf = people.subList(0, 60).stream().map(User::id).collect(Collectors.toSet());
        ports.groups().addMembers(acme, everyone.id(), firstHalf);
        Set<UserId> all = people.stream().map(User::id).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<UserId, String> labels = new HashMap<>();
        people.subList(60, 100)
                .forEach(person ->
                        labels.put(person.id(), "label of " + person.id().value()));

        Set<UserId> added = ports.groups().addMembers(acme, everyone.id(), all, labels);

        assertThat(added)
                .containsExactlyElementsOf(
                        people.subList(60, 120).stream().map(User::id).toList());
        List<Member> members = new ArrayList<>();
        ports.groups().forEachMember(acme, everyone.id(), members::add);
        assertThat(members).hasSize(120);
        assertThat(members)
                .contains(
                        new Member(
                                people.get(70).id(),
                                "label of " + people.get(70).id().value()),
                        new Member(
                                people.get(110).id(), people.get(110).profile().displayName()));
        assertThat(ports.groups()
                        .removeMembers(
                                acme,
                                everyone.id(),
                                Set.of(people.get(0).id(), people.get(119).id(), new UserId("nobody"))))
                .containsExactlyInAnyOrder(people.get(0).id(), people.get(119).id());
        assertThat(ports.groups().countMembers(acme, everyone.id())).isEqualTo(118);
    }

    @Test
    void aUsersGroupsAreListed() {
        Group engineering = group(acme, "Engineering");
        group(acme, "Sales");
        User alice = user(acme, "alice");
        ports.groups().addMembers(acme, engineering.id(), Set.of(alice.id()));

        assertThat(ports.groups().groupsOf(acme, alice.id()))
                .containsExactly(new GroupMembership(engineering.id(), "Engineering"));
    }

    @Test
    void aPageOfUsersGetsItsGroupsInOneLookUp() {
        Group engineering = group(acme, "Engineering");
        Group sales = group(acme, "Sales");
        User alice = user(acme, "alice");
        User bob = user(acme, "bob");
        User carol = user(acme, "carol");
        ports.groups().addMembers(acme, engineering.id(), Set.of(alice.id(), bob.id()));
        ports.groups().addMembers(acme, sales.id(), Set.of(alice.id()));

        Map<UserId, List<GroupMembership>> groups =
                ports.groups().groupsOf(acme, List.of(alice.id(), bob.id(), carol.id()));

        assertThat(groups.get(alice.id()))
                .containsExactly(
                        new GroupMembership(engineering.id(), "Engineering"), new GroupMembership(sales.id(), "Sales"));
        assertThat(groups.get(bob.id())).containsExactly(new GroupMembership(engineering.id(), "Engineering"));
        assertThat(groups).doesNotContainKey(carol.id());
        assertThat(ports.groups().groupsOf(globex, List.of(alice.id()))).isEmpty();

        // The same page read with its users: one look-up for users and groups together.
        Page<UserWithGroups> page = ports.users().queryWithGroups(acme, ResourceQuery.all());
        assertThat(page.totalResults()).isEqualTo(3);
        assertThat(page.items())
                .containsExactly(
                        new UserWithGroups(alice, groups.get(alice.id())),
                        new UserWithGroups(bob, groups.get(bob.id())),
                        new UserWithGroups(carol, List.of()));
        assertThat(ports.users()
                        .queryWithGroups(acme, new ResourceQuery(null, null, true, 1, 1))
                        .items())
                .extracting(UserWithGroups::user)
                .containsExactly(bob);
        assertThat(ports.users().queryWithGroups(globex, ResourceQuery.all()).items())
                .isEmpty();
    }

    @Test
    void theLookUpAnIdPSendsBeforeEveryPushFindsTheUserWithItsGroups() {
        Group engineering = group(acme, "Engineering");
        User alice = aUser().in(acme)
                .withUserName("alice@acme.example")
                .withExternalId("00uAbC")
                .build(now());
        ports.users().insert(alice, List.of());
        user(acme, "bob@acme.example");
        user(globex, "alice@acme.example");
        ports.groups().addMembers(acme, engineering.id(), Set.of(alice.id()));
        UserWithGroups aliceWithGroups =
                new UserWithGroups(alice, List.of(new GroupMembership(engineering.id(), "Engineering")));

        Page<UserWithGroups> byUserName = ports.users()
                .queryWithGroups(acme, new ResourceQuery(eq("userName", "ALICE@Acme.Example"), null, true, 0, 100));
        assertThat(byUserName.totalResults()).isEqualTo(1);
        assertThat(byUserName.items()).containsExactly(aliceWithGroups);
        assertThat(ports.users()
                        .queryWithGroups(acme, ResourceQuery.filtered(eq("externalId", "00uAbC")))
                        .items())
                .containsExactly(aliceWithGroups);
        assertThat(ports.users()
                        .queryWithGroups(acme, ResourceQuery.filtered(eq("externalId", "00UABC")))
                        .items())
                .isEmpty();
        assertThat(ports.users().queryWithGroups(acme, ResourceQuery.filtered(eq("userName", "carol@acme.example"))))
                .isEqualTo(new Page<UserWithGroups>(0, List.of()));
        // The total alone (count=0), and a page too small for the matches, still count them.
        assertThat(ports.users()
                        .queryWithGroups(
                                acme, new ResourceQuery(eq("userName", "alice@acme.example"), null, true, 0, 0))
                        .totalResults())
                .isEqualTo(1);
        assertThat(ports.users()
                        .queryWithGroups(
                                globex, new ResourceQuery(eq("userName", "alice@acme.example"), null, true, 0, 1))
                        .totalResults())
                .isEqualTo(1);
    }

    private static Filter eq(String attribute, String value) {
        return new Filter.Comparison(AttributePath.of(attribute), ComparisonOperator.EQ, TextNode.valueOf(value));
    }

    @Test
    void anUpdateFromAStaleVersionIsRefused() {
        Group engineering = group(acme, "Engineering");
        Change<Group> renamed = engineering.replaceAttributes("R&D", null, now());
        ports.groups()
                .update(renamed.after(), ExpectedVersion.of(engineering.meta().version()), renamed.events());

        Change<Group> again = engineering.replaceAttributes("Research", null, now());
        assertThatThrownBy(() -> ports.groups()
                        .update(
                                again.after(),
                                ExpectedVersion.of(engineering.meta().version()),
                                again.events()))
                .isInstanceOf(StaleVersion.class);
        assertThat(ports.groups().findById(acme, engineering.id()).orElseThrow().displayName())
                .isEqualTo("R&D");
    }

    @Test
    void deletingAGroupKeepsItsUsers() {
        Group engineering = group(acme, "Engineering");
        User alice = user(acme, "alice");
        ports.groups().addMembers(acme, engineering.id(), Set.of(alice.id()));

        ports.groups().delete(engineering, ExpectedVersion.any(), List.of(engineering.delete(now())));

        assertThat(ports.groups().findById(acme, engineering.id())).isEmpty();
        assertThat(ports.users().findById(acme, alice.id())).isPresent();
        assertThat(ports.groups().groupsOf(acme, alice.id())).isEmpty();
        assertThat(events()).last().isInstanceOf(DomainEvent.GroupDeleted.class);
    }

    @Test
    void groupsAreFoundByDisplayNameAndByMember() {
        Group engineering = group(acme, "Engineering");
        group(acme, "Sales");
        group(globex, "Engineering");
        User alice = user(acme, "alice");
        ports.groups().addMembers(acme, engineering.id(), Set.of(alice.id()));
        Filter byName = new Filter.Comparison(
                AttributePath.of("displayName"), ComparisonOperator.EQ, TextNode.valueOf("Engineering"));
        Filter byMember = new Filter.Comparison(
                AttributePath.of("members"),
                ComparisonOperator.EQ,
                TextNode.valueOf(alice.id().value()));

        assertThat(ports.groups().query(acme, ResourceQuery.filtered(byName)).items())
                .containsExactly(engineering);
        assertThat(ports.groups().query(acme, ResourceQuery.filtered(byMember)).items())
                .containsExactly(engineering);
    }

    @Test
    void concurrentAddsOfDistinctMembersLoseNothing() throws Exception {
        Group engineering = group(acme, "Engineering");
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            users.add(user(acme, "user" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Set<UserId>>> results = new ArrayList<>();
            for (User user : users) {
                results.add(pool.submit(() -> ports.groups().addMembers(acme, engineering.id(), Set.of(user.id()))));
            }
            for (Future<Set<UserId>> result : results) {
                assertThat(result.get()).hasSize(1);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(ports.groups().countMembers(acme, engineering.id())).isEqualTo(32);
    }

    protected List<DomainEvent> events() {
        return ports.outbox().readAfter(0, Integer.MAX_VALUE).stream()
                .map(RecordedEvent::event)
                .toList();
    }
}
