package com.javelo.scim.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.javelo.scim.domain.error.InvalidAttributeValue;
import com.javelo.scim.domain.error.SelfManagement;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.resource.Change;
import com.javelo.scim.domain.resource.Version;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);

    private static UserProfile profile(String userName, String email) {
        return new UserProfile(
                UserName.of(userName),
                "00u1",
                new Name(null, "Lovelace", "Ada", null, null, null),
                "Ada Lovelace",
                null,
                null,
                "Engineer",
                null,
                null,
                "en-US",
                null,
                List.of(new MultiValue(email, "work", true, null)),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static User ada() {
        return User.provision(
                        ACME,
                        new UserId("u-ada"),
                        profile("ada@acme.example", "ada@acme.example"),
                        true,
                        null,
                        UserOrigin.PROVISIONED,
                        T0)
                .after();
    }

    @Test
    void provisioningRecordsUserCreatedAtVersionOne() {
        Change<User> created = User.provision(
                ACME,
                new UserId("u-ada"),
                profile("ada@acme.example", "ada@acme.example"),
                true,
                null,
                UserOrigin.PROVISIONED,
                T0);

        assertThat(created.events())
                .containsExactly(new DomainEvent.UserCreated(ACME, new UserId("u-ada"), "ada@acme.example", T0));
        assertThat(created.after().meta().version()).isEqualTo(Version.first());
        assertThat(created.after().meta().lastModified())
                .isEqualTo(created.after().meta().created());
    }

    @Test
    void deactivatingKeepsThePersonsDataAndRecordsUserDeactivated() {
        User ada = ada();

        Change<User> deactivated = ada.deactivate(T1);

        assertThat(deactivated.after().active()).isFalse();
        assertThat(deactivated.after().profile()).isEqualTo(ada.profile());
        assertThat(deactivated.after().meta().version()).isEqualTo(new Version(2));
        assertThat(deactivated.events()).containsExactly(new DomainEvent.UserDeactivated(ACME, ada.id(), T1));
    }

    @Test
    void deactivatingTwiceIsANoOpWithoutVersionOrEvent() {
        User deactivated = ada().deactivate(T1).after();

        Change<User> again = deactivated.deactivate(T2);

        assertThat(again.isNoOp()).isTrue();
        assertThat(again.after()).isSameAs(deactivated);
        assertThat(again.after().meta().version()).isEqualTo(new Version(2));
    }

    @Test
    void reactivationRestoresTheSameIdentity() {
        User ada = ada();

        Change<User> reactivated = ada.deactivate(T1).after().reactivate(T2);

        assertThat(reactivated.after().id()).isEqualTo(ada.id());
        assertThat(reactivated.after().profile()).isEqualTo(ada.profile());
        assertThat(reactivated.after().active()).isTrue();
        assertThat(reactivated.after().meta().created()).isEqualTo(T0);
        assertThat(reactivated.events()).containsExactly(new DomainEvent.UserReactivated(ACME, ada.id(), T2));
    }

    @Test
    void replacingWithTheSameValuesIsANoOp() {
        User ada = ada();

        assertThat(ada.replace(ada.profile(), true, null, T1).isNoOp()).isTrue();
    }

    @Test
    void anUpdateNamesTheAttributesThatChanged() {
        User ada = ada();
        UserProfile renamed = profile("ada.king@acme.example", "ada.king@acme.example");

        Change<User> updated = ada.replace(renamed, true, ManagerReference.pending("boss@acme.example"), T1);

        assertThat(updated.events())
                .containsExactly(
                        new DomainEvent.UserUpdated(ACME, ada.id(), Set.of("userName", "emails", "manager"), T1));
    }

    @Test
    void aUserCannotBeTheirOwnManagerByEmailOrId() {
        User ada = ada();

        assertThatThrownBy(() -> ada.replace(ada.profile(), true, ManagerReference.pending("ADA@acme.example"), T1))
                .isInstanceOf(SelfManagement.class);
        assertThatThrownBy(() -> ada.replace(ada.profile(), true, ManagerReference.pending("u-ada"), T1))
                .isInstanceOf(SelfManagement.class);
    }

    @Test
    void aPendingManagerReferenceIsLinkedWhenThatPersonIsProvisioned() {
        User report = User.provision(
                        ACME,
                        new UserId("u-rep"),
                        profile("rep@acme.example", "rep@acme.example"),
                        true,
                        ManagerReference.pending("Boss@Acme.example"),
                        UserOrigin.PROVISIONED,
                        T0)
                .after();
        User boss = User.provision(
                        ACME,
                        new UserId("u-boss"),
                        profile("boss@acme.example", "boss@acme.example"),
                        true,
                        null,
                        UserOrigin.PROVISIONED,
                        T1)
                .after();

        Change<User> linked = report.linkManager(boss, T2);

        assertThat(linked.after().manager()).contains(new ManagerReference("Boss@Acme.example", boss.id()));
        assertThat(linked.events())
                .containsExactly(new DomainEvent.ManagerLinked(ACME, report.id(), boss.id(), "Boss@Acme.example", T2));
    }

    @Test
    void linkingSomeoneTheReferenceDoesNotNameIsANoOp() {
        User report = User.provision(
                        ACME,
                        new UserId("u-rep"),
                        profile("rep@acme.example", "rep@acme.example"),
                        true,
                        ManagerReference.pending("boss@acme.example"),
                        UserOrigin.PROVISIONED,
                        T0)
                .after();

        assertThat(report.linkManager(ada(), T1).isNoOp()).isTrue();
    }

    @Test
    void reSendingTheSameManagerValueKeepsItsResolution() {
        User report = User.provision(
                        ACME,
                        new UserId("u-rep"),
                        profile("rep@acme.example", "rep@acme.example"),
                        true,
                        new ManagerReference("boss@acme.example", new UserId("u-boss")),
                        UserOrigin.PROVISIONED,
                        T0)
                .after();

        Change<User> resent = report.replace(report.profile(), true, ManagerReference.pending("boss@acme.example"), T1);

        assertThat(resent.isNoOp()).isTrue();
        assertThat(resent.after().manager().orElseThrow().resolvedId()).isEqualTo(new UserId("u-boss"));
    }

    @Test
    void deletingRecordsUserDeletedWithTheUserName() {
        assertThat(ada().delete(T1))
                .isEqualTo(new DomainEvent.UserDeleted(ACME, new UserId("u-ada"), "ada@acme.example", T1));
    }

    @Test
    void userNamesAreEqualIgnoringCaseButKeepTheirSpelling() {
        assertThat(UserName.of("Ada@Acme.example")).isEqualTo(UserName.of("ada@ACME.example"));
        assertThat(UserName.of("Ada@Acme.example").value()).isEqualTo("Ada@Acme.example");
        assertThatThrownBy(() -> UserName.of("  ")).isInstanceOf(InvalidAttributeValue.class);
    }
}
