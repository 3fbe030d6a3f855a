package com.javelo.scim.core.protocol.patch;

import static com.javelo.scim.core.protocol.patch.PatchFixtures.eq;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.filtered;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.op;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.path;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.scimType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.javelo.scim.core.protocol.error.ScimType;
import com.javelo.scim.core.protocol.filter.ComparisonOperator;
import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.filter.JsonFixtures;
import com.javelo.scim.core.protocol.schema.AttributePath;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MembershipPatchPlannerTest {

    private static final PatchPath MEMBERS = path("members");

    private static PatchOperation removeMember(String id) {
        return op(PatchOp.REMOVE, filtered("members", eq("value", id), null), (String) null);
    }

    private static MembershipPlan plan(PatchOperation... operations) {
        return MembershipPatchPlanner.plan(List.of(operations)).membership();
    }

    @Test
    void oktasMixedRemoveAndAddBecomesOneNetChange() {
        MembershipPlan plan = plan(
                removeMember("89bb1940-b905-4575-9e7f-6f887cfb368e"),
                removeMember("removeUser2"),
                op(PatchOp.ADD, MEMBERS, """
                        [{"value":"23a35c27-23d3-4c03-b4c5-6443c09e7173","display":"test.user@okta.local"},
                         {"value":"addUser2","display":"addUser2@example.com"}]"""));

        assertThat(plan.toRemove()).containsExactly("89bb1940-b905-4575-9e7f-6f887cfb368e", "removeUser2");
        assertThat(plan.toAdd()).containsExactly("23a35c27-23d3-4c03-b4c5-6443c09e7173", "addUser2");
        assertThat(plan.replaceAll()).isEmpty();
    }

    @Test
    void entrasRemoveWithAValueArrayRemovesOnlyThoseMembers() {
        MembershipPlan plan = plan(op(PatchOp.REMOVE, MEMBERS, "[{\"$ref\":null,\"value\":\"f648f8d5\"}]"));

        assertThat(plan).isEqualTo(new MembershipPlan(Set.of(), Set.of("f648f8d5"), Optional.empty()));
        assertThat(plan.applyTo(Set.of("f648f8d5", "other"))).containsExactly("other");
    }

    @Test
    void entrasAddWithNullRefAdds() {
        assertThat(plan(op(PatchOp.ADD, MEMBERS, "[{\"$ref\":null,\"value\":\"f648f8d5\"}]"))
                        .toAdd())
                .containsExactly("f648f8d5");
    }

    @Test
    void oktasPushNowOfAnEmptyGroupClearsMembership() {
        MembershipPlan plan = plan(op(PatchOp.REPLACE, MEMBERS, "[]"));

        assertThat(plan.replaceAll()).contains(Set.of());
        assertThat(plan.applyTo(Set.of("a", "b"))).isEmpty();
    }

    @Test
    void replaceSetsTheWholeMembershipAndLaterOperationsAdjustIt() {
        MembershipPlan plan = plan(
                op(PatchOp.ADD, MEMBERS, "[{\"value\":\"early\"}]"),
                op(PatchOp.REPLACE, MEMBERS, "[{\"value\":\"a\"},{\"value\":\"b\"}]"),
                op(PatchOp.ADD, MEMBERS, "[{\"value\":\"c\"}]"),
                removeMember("a"));

        assertThat(plan.replaceAll()).contains(Set.of("b", "c"));
        assertThat(plan.toAdd()).isEmpty();
        assertThat(plan.toRemove()).isEmpty();
    }

    @Test
    void theLastWordOnAnIdWins() {
        MembershipPlan plan = plan(
                op(PatchOp.ADD, MEMBERS, "[{\"value\":\"x\"}]"),
                removeMember("x"),
                removeMember("y"),
                op(PatchOp.ADD, MEMBERS, "[\"y\"]"));

        assertThat(plan.toAdd()).containsExactly("y");
        assertThat(plan.toRemove()).containsExactly("x");
    }

    @Test
    void aBareRemoveOfMembersClearsThemAll() {
        MembershipPlan plan =
                plan(op(PatchOp.ADD, MEMBERS, "[{\"value\":\"x\"}]"), op(PatchOp.REMOVE, MEMBERS, (String) null));

        assertThat(plan.replaceAll()).contains(Set.of());
        assertThat(plan.toAdd()).isEmpty();
    }

    @Test
    void orEdValueFiltersRemoveEachId() {
        Filter either = new Filter.Or(eq("value", "a"), eq("VALUE", "b"));

        assertThat(plan(op(PatchOp.REMOVE, filtered("members", either, null), (String) null))
                        .toRemove())
                .containsExactly("a", "b");
    }

    @Test
    void otherMemberFiltersAreAnInvalidFilter() {
        Filter byDisplay = eq("display", "x@y.com");
        Filter contains =
                new Filter.Comparison(AttributePath.of("value"), ComparisonOperator.CO, JsonFixtures.json("\"a\""));

        assertThatThrownBy(() -> plan(op(PatchOp.REMOVE, filtered("members", byDisplay, null), (String) null)))
                .satisfies(scimType(ScimType.INVALID_FILTER))
                .hasMessageContaining("members[value eq \"<id>\"]")
                .hasMessageContaining("display eq \"x@y.com\"");
        assertThatThrownBy(() -> plan(op(PatchOp.REMOVE, filtered("members", contains, null), (String) null)))
                .satisfies(scimType(ScimType.INVALID_FILTER));
    }

    @Test
    void membersWithoutAStringIdAreAnInvalidValue() {
        assertThatThrownBy(() -> plan(op(PatchOp.ADD, MEMBERS, "[{\"display\":\"x@y.com\"}]")))
                .satisfies(scimType(ScimType.INVALID_VALUE));
        assertThatThrownBy(() -> plan(op(PatchOp.ADD, MEMBERS, "[{\"value\":42}]")))
                .satisfies(scimType(ScimType.INVALID_VALUE));
        assertThatThrownBy(() -> plan(op(PatchOp.ADD, MEMBERS, "[[\"x\"]]")))
                .satisfies(scimType(ScimType.INVALID_VALUE));
    }

    @Test
    void aPathIntoMembersSubAttributesIsAnInvalidPath() {
        assertThatThrownBy(() -> plan(op(PatchOp.REPLACE, path("members.display"), "\"x\"")))
                .satisfies(scimType(ScimType.INVALID_PATH));
    }

    @Test
    void pathlessValuesSplitIntoMembershipAndAttributes() {
        GroupPatchPlan plan = MembershipPatchPlanner.plan(List.of(op(
                PatchOp.REPLACE,
                null,
                "{\"displayName\":\"AIW Group\",\"Members\":[{\"value\":\"a\",\"display\":\"a@x.com\"}]}")));

        assertThat(plan.membership().replaceAll()).contains(Set.of("a"));
        assertThat(plan.attributeOperations())
                .containsExactly(op(PatchOp.REPLACE, null, "{\"displayName\":\"AIW Group\"}"));
    }

    @Test
    void otherOperationsPassThroughInOrder() {
        PatchOperation rename = op(PatchOp.REPLACE, path("displayName"), "\"New Name\"");
        PatchOperation externalId = op(PatchOp.ADD, null, "{\"externalId\":\"8aa1a0c0\"}");

        GroupPatchPlan plan = MembershipPatchPlanner.plan(List.of(rename, removeMember("a"), externalId));

        assertThat(plan.attributeOperations()).containsExactly(rename, externalId);
        assertThat(plan.membership().toRemove()).containsExactly("a");
    }

    @Test
    void noMembershipOperationsPlanNothing() {
        assertThat(plan(op(PatchOp.REPLACE, path("displayName"), "\"x\"")).changesNothing())
                .isTrue();
    }
}
