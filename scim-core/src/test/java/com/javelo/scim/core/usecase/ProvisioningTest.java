package com.javelo.scim.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.javelo.scim.core.inmemory.InMemoryAdapters;
import com.javelo.scim.core.port.IdGenerator;
import com.javelo.scim.core.port.RecordedEvent;
import com.javelo.scim.core.port.ResourceQuery;
import com.javelo.scim.core.protocol.json.GroupInput;
import com.javelo.scim.core.protocol.json.UserInput;
import com.javelo.scim.core.usecase.group.CreateGroup;
import com.javelo.scim.core.usecase.group.ReplaceGroup;
import com.javelo.scim.core.usecase.tenant.AuthenticateTenant;
import com.javelo.scim.core.usecase.tenant.CreateTenant;
import com.javelo.scim.core.usecase.tenant.IssueApiToken;
import com.javelo.scim.core.usecase.tenant.RevokeApiToken;
import com.javelo.scim.core.usecase.user.CreateUser;
import com.javelo.scim.core.usecase.user.DeleteUser;
import com.javelo.scim.core.usecase.user.ReplaceUser;
import com.javelo.scim.domain.error.SelfManagement;
import com.javelo.scim.domain.error.UnknownMembers;
import com.javelo.scim.domain.error.UserNameAlreadyTaken;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.group.Group;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.resource.ExpectedVersion;
import com.javelo.scim.domain.user.MultiValue;
import com.javelo.scim.domain.user.User;
import com.javelo.scim.domain.user.UserName;
import com.javelo.scim.domain.user.UserOrigin;
import com.javelo.scim.domain.user.UserProfile;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provisioning use cases over the in-memory adapters: outcomes, stored state and events. */
class ProvisioningTest {

    private final InMemoryAdapters adapters = new InMemoryAdapters();
    private final Clock clock = Clock.systemUTC();
    private final CreateUser createUser =
            new CreateUser(adapters.users(), adapters.unitOfWork(), IdGenerator.randomUuids(), clock);
    private final ReplaceUser replaceUser = new ReplaceUser(adapters.users(), adapters.unitOfWork(), clock);
    private final DeleteUser deleteUser = new DeleteUser(adapters.users(), adapters.unitOfWork(), clock);
    private final CreateGroup createGroup = new CreateGroup(
            adapters.users(), adapters.groups(), adapters.unitOfWork(), IdGenerator.randomUuids(), clock);
    private final ReplaceGroup replaceGroup =
            new ReplaceGroup(adapters.users(), adapters.groups(), adapters.unitOfWork(), clock);
    private TenantId acme;

    @BeforeEach
    void tenant() {
        acme = new CreateTenant(adapters.tenants(), clock).execute("Acme").id();
    }

    private static UserInput person(String userName, String externalId, String manager) {
        UserProfile profile = new UserProfile(
                UserName.of(userName),
                externalId,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(new MultiValue(userName, "work", true, null)),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        return new UserInput(profile, null, manager);
    }

    private User create(String userName, String manager) {
        return createUser.execute(
                new CreateUser.Command(acme, person(userName, null, manager), UserOrigin.PROVISIONED));
    }

    private List<DomainEvent> events() {
        return adapters.outbox().readAfter(0, 1000).stream()
                .map(RecordedEvent::event)
                .toList();
    }

    @Test
    void aManagerNamedByEmailBeforeTheyExistIsLinkedWhenProvisioned() {
        User report = create("report@acme.example", "Boss@Acme.example");
        assertThat(report.manager().orElseThrow().isPending()).isTrue();

        User boss = create("boss@acme.example", null);

        User linked = adapters.users().findById(acme, report.id()).orElseThrow();
        assertThat(linked.manager().orElseThrow().resolvedId()).isEqualTo(boss.id());
        assertThat(linked.manager().orElseThrow().value()).isEqualTo("Boss@Acme.example");
        assertThat(events())
                .contains(new DomainEvent.ManagerLinked(
                        acme,
                        report.id(),
                        boss.id(),
                        "Boss@Acme.example",
                        linked.meta().lastModified()));
    }

    @Test
    void aManagerWhoAlreadyExistsIsResolvedAtOnceByIdOrEmail() {
        User boss = create("boss@acme.example", null);

        User byEmail = create("a@acme.example", "boss@acme.example");
        User byId = create("b@acme.example", boss.id().value());

        assertThat(byEmail.manager().orElseThrow().resolvedId()).isEqualTo(boss.id());
        assertThat(byId.manager().orElseThrow().resolvedId()).isEqualTo(boss.id());
    }

    @Test
    void nobodyManagesThemselves() {
        assertThatThrownBy(() -> create("self@acme.example", "SELF@acme.example"))
                .isInstanceOf(SelfManagement.class);
        assertThat(adapters.users().query(acme, ResourceQuery.all()).totalResults())
                .isZero();
    }

    @Test
    void aReplaceWithoutActiveKeepsTheUserActive() {
        User alice = create("alice@acme.example", null);

        User replaced = replaceUser
                .execute(new ReplaceUser.Command(
                        acme, alice.id(), person("alice@acme.example", "00u1", null), ExpectedVersion.any()))
                .user();

        assertThat(replaced.active()).isTrue();
        assertThat(replaced.profile().externalId()).isEqualTo("00u1");
    }

    @Test
    void aPersonWhoExistedBeforeTheIntegrationIsAdoptedWithoutDuplicate() {
        User existing = createUser.execute(
                new CreateUser.Command(acme, person("Dana@acme.example", null, null), UserOrigin.PRE_EXISTING));

        User found = adapters.users().findByUserName(acme, "dana@ACME.example").orElseThrow();
        User adopted = replaceUser
                .execute(new ReplaceUser.Command(
                        acme, found.id(), person("dana@acme.example", "00uOkta", null), ExpectedVersion.any()))
                .user();

        assertThat(adopted.id()).isEqualTo(existing.id());
        assertThat(adopted.origin()).isEqualTo(UserOrigin.PRE_EXISTING);
        assertThat(adopted.profile().externalId()).isEqualTo("00uOkta");
        assertThat(adapters.users().query(acme, ResourceQuery.all()).totalResults())
                .isEqualTo(1);
        assertThatThrownBy(() -> create("DANA@acme.example", null)).isInstanceOf(UserNameAlreadyTaken.class);
    }

    @Test
    void aDeletedUsersNameCanBeProvisionedAgainUnderANewId() {
        User alice = create("alice@acme.example", null);

        deleteUser.execute(new DeleteUser.Command(acme, alice.id(), ExpectedVersion.any()));
        User again = create("alice@acme.example", null);

        assertThat(again.id()).isNotEqualTo(alice.id());
        assertThat(adapters.users().findById(acme, alice.id())).isEmpty();
    }

    @Test
    void whenAManagerIsDeletedTheirReportsWaitForThemAgain() {
        User boss = create("boss@acme.example", null);
        User report = create("report@acme.example", "boss@acme.example");
        assertThat(report.manager().orElseThrow().resolvedId()).isEqualTo(boss.id());

        deleteUser.execute(new DeleteUser.Command(acme, boss.id(), ExpectedVersion.any()));
        User waiting = adapters.users().findById(acme, report.id()).orElseThrow();
        User returned = create("boss@acme.example", null);

        assertThat(waiting.manager().orElseThrow().isPending()).isTrue();
        assertThat(adapters.users()
                        .findById(acme, report.id())
                        .orElseThrow()
                        .manager()
                        .orElseThrow()
                        .resolvedId())
                .isEqualTo(returned.id());
    }

    @Test
    void aGroupWithAnUnknownMemberIsNotCreatedAtAll() {
        User alice = create("alice@acme.example", null);

        assertThatThrownBy(() -> createGroup.execute(new CreateGroup.Command(
                        acme,
                        new GroupInput("Engineering", null, Set.of(alice.id().value(), "no-such-user")))))
                .isInstanceOf(UnknownMembers.class)
                .hasMessageContaining("no-such-user");
        assertThat(adapters.groups().query(acme, ResourceQuery.all()).totalResults())
                .isZero();
    }

    @Test
    void replacingAGroupsMembersRecordsOnlyTheDifference() {
        User alice = create("alice@acme.example", null);
        User bob = create("bob@acme.example", null);
        Group group = createGroup.execute(new CreateGroup.Command(
                acme, new GroupInput("Engineering", null, Set.of(alice.id().value()))));

        Group replaced = replaceGroup.execute(new ReplaceGroup.Command(
                acme,
                group.id(),
                new GroupInput("Engineering", null, Set.of(bob.id().value())),
                ExpectedVersion.any()));

        assertThat(events())
                .contains(
                        new DomainEvent.MembersAdded(
                                acme,
                                group.id(),
                                Set.of(bob.id()),
                                replaced.meta().lastModified()),
                        new DomainEvent.MembersRemoved(
                                acme,
                                group.id(),
                                Set.of(alice.id()),
                                replaced.meta().lastModified()));
    }

    @Test
    void aRegeneratedTokenInvalidatesTheOldOneAndRevocationInvalidatesAll() {
        IssueApiToken issue = new IssueApiToken(adapters.tenants(), adapters.apiTokens(), clock);
        AuthenticateTenant authenticate = new AuthenticateTenant(adapters.apiTokens());
        String first = issue.execute(acme);
        String second = issue.execute(acme);

        assertThat(authenticate.authenticate(first)).isEmpty();
        assertThat(authenticate.authenticate(second)).contains(acme);
        assertThat(second).startsWith("jscim_").hasSizeGreaterThan(40);

        new RevokeApiToken(adapters.tenants(), adapters.apiTokens(), clock).execute(acme);
        assertThat(authenticate.authenticate(second)).isEmpty();
    }
}
