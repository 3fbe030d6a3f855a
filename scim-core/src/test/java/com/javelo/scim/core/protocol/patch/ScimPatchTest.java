package com.javelo.scim.core.protocol.patch;

import static com.javelo.scim.core.protocol.filter.JsonFixtures.json;
import static com.javelo.scim.core.protocol.filter.JsonFixtures.object;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.ENTERPRISE;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.scimType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.error.ScimType;
import com.javelo.scim.core.protocol.schema.ScimUserGroupCharacteristics;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Whole PATCH bodies as Okta and Entra send them (CLIENTS.md), through parse, quirks and patcher. */
class ScimPatchTest {

    private final ObjectNode user = object("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
             "id":"23a35c27-8d9e-4c3f-9b1a-0f2e6d7c8b9a","externalId":"00ujl29u0le5T6Aj10h7",
             "userName":"test.user@okta.local",
             "name":{"givenName":"Test","familyName":"User"},
             "emails":[{"primary":true,"value":"test.user@okta.local","type":"home"}],
             "displayName":"Test User","active":true,
             "meta":{"resourceType":"User","created":"2024-05-01T10:00:00Z","lastModified":"2024-05-01T10:00:00Z"}}
            """);

    private final ObjectNode group = object("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],
             "id":"abf4dd94-a4c0-4f67-89c9-76b03340cb9b","displayName":"Test SCIMv2",
             "members":[{"value":"89bb1940-b905-4575-9e7f-6f887cfb368e"},{"value":"removeUser2"},{"value":"stays"}]}
            """);

    private ObjectNode patchUser(ObjectNode resource, String body) {
        return ScimPatch.apply(resource, json(body), ScimUserGroupCharacteristics.users());
    }

    private ObjectNode patchUser(String body) {
        return patchUser(user, body);
    }

    private GroupPatchPlan planGroup(String body) {
        return ScimPatch.planGroup(json(body), ScimUserGroupCharacteristics.groups());
    }

    private ObjectNode patchGroup(String body) {
        return ScimPatch.apply(group, json(body), ScimUserGroupCharacteristics.groups());
    }

    @Test
    void aGroupPlanCarriesTheLabelsAndBareStringMembersOfTheRequestAsSent() {
        GroupPatchPlan plan = planGroup("""
                {"Operations":[{"op":"add","path":"members","value":[{"value":"a","display":"a@okta.local"}]},
                               {"op":"add","path":"members","value":"string id 1"}]}""");

        assertThat(plan.membership().toAdd()).containsExactly("a", "string id 1");
        assertThat(plan.membership().labels()).containsExactly(Map.entry("a", "a@okta.local"));
        assertThat(plan.membership().skippableUnknowns()).containsExactly("string id 1");
    }

    @Nested
    class Okta {

        @Test
        void deactivationSetsActiveFalse() {
            ObjectNode patched = patchUser("""
                    {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                     "Operations":[{"op":"replace","value":{"active":false}}]}""");

            assertThat(patched.get("active").booleanValue()).isFalse();
            assertThat(patched.get("userName").textValue()).isEqualTo("test.user@okta.local");
        }

        @Test
        void reactivationSetsActiveTrue() {
            user.put("active", false);
            ObjectNode patched = patchUser("""
                    {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                     "Operations":[{"op":"replace","value":{"active":true}}]}""");

            assertThat(patched.get("active").booleanValue()).isTrue();
        }

        @Test
        void mixedRemoveAndAddPlansOneMembershipChange() {
            String body = """
                    {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                     "Operations":[
                      {"op":"remove","path":"members[value eq \\"89bb1940-b905-4575-9e7f-6f887cfb368e\\"]"},
                      {"op":"remove","path":"members[value eq \\"removeUser2\\"]"},
                      {"op":"add","path":"members","value":[{"value":"23a35c27-8d9e-4c3f-9b1a-0f2e6d7c8b9a","display":"test.user@okta.local"},
                                                             {"value":"addUser2","display":"addUser2@example.com"}]}]}""";

            GroupPatchPlan plan = planGroup(body);

            assertThat(plan.attributeOperations()).isEmpty();
            assertThat(plan.membership().toRemove())
                    .containsExactly("89bb1940-b905-4575-9e7f-6f887cfb368e", "removeUser2");
            assertThat(plan.membership().toAdd()).containsExactly("23a35c27-8d9e-4c3f-9b1a-0f2e6d7c8b9a", "addUser2");
            assertThat(patchGroup(body).get("members")).isEqualTo(json("""
                    [{"value":"stays"},{"value":"23a35c27-8d9e-4c3f-9b1a-0f2e6d7c8b9a"},{"value":"addUser2"}]"""));
        }

        @Test
        void renameWithTheGroupIdInTheValueRenames() {
            String body = """
                    {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                     "Operations":[{"op":"replace","value":{"id":"abf4dd94-a4c0-4f67-89c9-76b03340cb9b","displayName":"New Name"}}]}""";

            GroupPatchPlan plan = planGroup(body);
            assertThat(plan.membership().changesNothing()).isTrue();
            ObjectNode renamed =
                    JsonPatcher.apply(group, plan.attributeOperations(), ScimUserGroupCharacteristics.groups());

            assertThat(renamed.get("displayName").textValue()).isEqualTo("New Name");
            assertThat(renamed.get("id")).isEqualTo(group.get("id"));
        }

        @Test
        void renameWithADifferentIdIgnoresTheId() {
            ObjectNode renamed = patchGroup("""
                    {"Operations":[{"op":"replace","value":{"id":"someone-else","displayName":"New Name"}}]}""");

            assertThat(renamed.get("id").textValue()).isEqualTo("abf4dd94-a4c0-4f67-89c9-76b03340cb9b");
        }

        @Test
        void pushNowOfAnEmptyGroupClearsMembership() {
            String body = """
                    {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                     "Operations":[{"op":"replace","path":"members","value":[]}]}""";

            assertThat(planGroup(body).membership())
                    .isEqualTo(new MembershipPlan(Set.of(), Set.of(), Optional.of(Set.of())));
            assertThat(patchGroup(body).has("members")).isFalse();
        }

        @Test
        void managerEmailInTheEnterpriseExtensionIsKeptAsSent() {
            ObjectNode patched = patchUser("""
                    {"Operations":[{"op":"replace","value":{
                      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":"boss@acme.com"}}}}]}""");

            assertThat(patched.get(ENTERPRISE)).isEqualTo(json("{\"manager\":{\"value\":\"boss@acme.com\"}}"));
        }
    }

    @Nested
    class EntraDefaultDialect {

        @Test
        void capitalisedOpsWorkEmailUpsertExtensionPathAndAdd() {
            ObjectNode patched = patchUser("""
                    {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                     "Operations":[
                      {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"updatedEmail@microsoft.com"},
                      {"op":"Replace","path":"name.familyName","value":"updatedFamilyName"},
                      {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber","value":"Eqpj"},
                      {"op":"Add","path":"nickName","value":"Babs"}]}""");

            assertThat(patched.get("emails")).isEqualTo(json("""
                    [{"primary":true,"value":"test.user@okta.local","type":"home"},
                     {"type":"work","value":"updatedEmail@microsoft.com"}]"""));
            assertThat(patched.get("name"))
                    .isEqualTo(json("{\"givenName\":\"Test\",\"familyName\":\"updatedFamilyName\"}"));
            assertThat(patched.get(ENTERPRISE)).isEqualTo(json("{\"employeeNumber\":\"Eqpj\"}"));
            assertThat(patched.get("nickName").textValue()).isEqualTo("Babs");
        }

        @Test
        void replacingAnExistingWorkEmailChangesItInPlace() {
            ObjectNode withWork = patchUser("""
                    {"Operations":[{"op":"Add","path":"emails[type eq \\"work\\"].value","value":"first@microsoft.com"}]}""");
            ObjectNode patched = patchUser(withWork, """
                    {"Operations":[{"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"second@microsoft.com"}]}""");

            assertThat(patched.get("emails")).hasSize(2);
            assertThat(patched.get("emails").get(1).get("value").textValue()).isEqualTo("second@microsoft.com");
        }

        @Test
        void disableSendsFalseAsAStringAndEnableTrue() {
            ObjectNode disabled = patchUser("""
                    {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                     "Operations":[{"op":"Replace","path":"active","value":"False"}]}""");
            assertThat(disabled.get("active").booleanValue()).isFalse();

            ObjectNode enabled = patchUser(disabled, """
                    {"Operations":[{"op":"Replace","path":"active","value":"True"}]}""");
            assertThat(enabled.get("active").booleanValue()).isTrue();
        }

        @Test
        void removeMembersWithAValueArrayLeavesTheOthers() {
            String body = """
                    {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                     "Operations":[{"op":"Remove","path":"members","value":[{"$ref":null,"value":"removeUser2"}]}]}""";

            assertThat(planGroup(body).membership().toRemove()).containsExactly("removeUser2");
            assertThat(patchGroup(body).get("members").findValuesAsText("value"))
                    .containsExactly("89bb1940-b905-4575-9e7f-6f887cfb368e", "stays");
        }

        @Test
        void addMembersWithNullRefAndRename() {
            GroupPatchPlan plan = planGroup("""
                    {"Operations":[
                      {"op":"Add","path":"members","value":[{"$ref":null,"value":"f648f8d5-7d1e-4a4c-9f0a-2b3c4d5e6f70"}]},
                      {"op":"Replace","path":"displayName","value":"displayName_updatedDisplayName"}]}""");

            assertThat(plan.membership().toAdd()).containsExactly("f648f8d5-7d1e-4a4c-9f0a-2b3c4d5e6f70");
            assertThat(JsonPatcher.apply(group, plan.attributeOperations(), ScimUserGroupCharacteristics.groups())
                            .get("displayName")
                            .textValue())
                    .isEqualTo("displayName_updatedDisplayName");
        }
    }

    @Nested
    class EntraCompliantDialect {

        @Test
        void pathlessReplaceWithDottedAndUrnKeys() {
            ObjectNode patched = patchUser("""
                    {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                     "Operations":[
                      {"op":"replace","path":"emails[type eq \\"work\\"].value","value":"TestMhvaes@test.microsoft.com"},
                      {"op":"replace","value":{"displayName":"Bjfe","name.givenName":"Kkom","name.familyName":"Unua",
                         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"Aklq"}}]}""");

            assertThat(patched.get("displayName").textValue()).isEqualTo("Bjfe");
            assertThat(patched.get("name")).isEqualTo(json("{\"givenName\":\"Kkom\",\"familyName\":\"Unua\"}"));
            assertThat(patched.get(ENTERPRISE)).isEqualTo(json("{\"employeeNumber\":\"Aklq\"}"));
            assertThat(patched.get("emails").findValuesAsText("value"))
                    .containsExactly("test.user@okta.local", "TestMhvaes@test.microsoft.com");
        }

        @Test
        void removeMemberByFilter() {
            String body = """
                    {"Operations":[{"op":"remove","path":"members[value eq \\"removeUser2\\"]"}]}""";

            assertThat(planGroup(body).membership().toRemove()).containsExactly("removeUser2");
            assertThat(patchGroup(body).get("members")).hasSize(2);
        }

        @Test
        void disableWithABoolean() {
            assertThat(patchUser("""
                    {"Operations":[{"op":"replace","path":"active","value":false}]}""").get("active").booleanValue()).isFalse();
        }
    }

    @Nested
    class Manager {

        private static final String MANAGER_PATH = ENTERPRISE + ":manager";

        private ObjectNode manager(ObjectNode patched) {
            return patched.has(ENTERPRISE)
                    ? (ObjectNode) patched.get(ENTERPRISE).get("manager")
                    : null;
        }

        @Test
        void aBareStringPatch() {
            ObjectNode patched = patchUser("""
                    {"Operations":[{"op":"add","path":"%s","value":"2c2f6fb8-1b7e-4d0a-8a5e-3c1f9e2d7b64"}]}""".formatted(MANAGER_PATH));

            assertThat(manager(patched)).isEqualTo(json("{\"value\":\"2c2f6fb8-1b7e-4d0a-8a5e-3c1f9e2d7b64\"}"));
        }

        @Test
        void entrasArrayOfReferences() {
            ObjectNode patched = patchUser("""
                    {"Operations":[{"op":"Add","path":"manager","value":[{"$ref":"http://example.com/Users/00aa00aa","value":"00aa00aa"}]}]}""");

            assertThat(manager(patched)).isEqualTo(json("{\"value\":\"00aa00aa\"}"));
        }

        @Test
        void setChangeAndRemoveWithEmptyAsTheValidatorDoes() {
            ObjectNode set = patchUser("""
                    {"Operations":[{"op":"Add","path":"%s","value":{"value":"first-manager"}}]}""".formatted(MANAGER_PATH));
            assertThat(manager(set)).isEqualTo(json("{\"value\":\"first-manager\"}"));

            ObjectNode changed = patchUser(set, """
                    {"Operations":[{"op":"Replace","path":"%s","value":"second-manager"}]}""".formatted(MANAGER_PATH));
            assertThat(manager(changed)).isEqualTo(json("{\"value\":\"second-manager\"}"));

            ObjectNode removed = patchUser(changed, """
                    {"Operations":[{"op":"Replace","path":"%s","value":""}]}""".formatted(MANAGER_PATH));
            assertThat(removed.has(ENTERPRISE)).isFalse();
        }

        @Test
        void anRfcRemove() {
            ObjectNode set = patchUser("""
                    {"Operations":[{"op":"replace","value":{"%s":{"manager":"123456","department":"Sales"}}}]}""".formatted(ENTERPRISE));
            assertThat(manager(set)).isEqualTo(json("{\"value\":\"123456\"}"));

            ObjectNode removed = patchUser(set, """
                    {"Operations":[{"op":"remove","path":"%s"}]}""".formatted(MANAGER_PATH));
            assertThat(removed.get(ENTERPRISE)).isEqualTo(json("{\"department\":\"Sales\"}"));
        }
    }

    @Nested
    class NullUpdate {

        @Test
        void emptyStringsThenNullsClearOptionalAttributes() {
            user.put("nickName", "Babs")
                    .put("title", "Guide")
                    .putObject(ENTERPRISE)
                    .put("department", "Sales");

            ObjectNode emptied = patchUser("""
                    {"Operations":[
                      {"op":"Replace","path":"nickName","value":""},
                      {"op":"Replace","path":"title","value":""},
                      {"op":"Replace","path":"name.givenName","value":""},
                      {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":""}]}""");
            assertThat(emptied.has("nickName")).isFalse();
            assertThat(emptied.has("title")).isFalse();
            assertThat(emptied.has(ENTERPRISE)).isFalse();
            assertThat(emptied.get("name")).isEqualTo(json("{\"familyName\":\"User\"}"));

            ObjectNode nulled = patchUser(emptied, """
                    {"Operations":[
                      {"op":"Replace","path":"nickName","value":null},
                      {"op":"Replace","path":"displayName","value":null},
                      {"op":"Replace","path":"name.familyName","value":null}]}""");
            assertThat(nulled.has("displayName")).isFalse();
            assertThat(nulled.has("name")).isFalse();
        }
    }

    @Nested
    class Failures {

        @Test
        void whenTheSecondOperationFailsNothingChanges() {
            ObjectNode before = user.deepCopy();

            assertThatThrownBy(() -> patchUser("""
                    {"Operations":[
                      {"op":"replace","value":{"active":false}},
                      {"op":"replace","path":"title.favouriteColour","value":"blue"}]}"""))
                    .satisfies(scimType(ScimType.INVALID_PATH))
                    .hasMessageContaining("favouriteColour");
            assertThat(user).isEqualTo(before);
        }

        @Test
        void removeWithoutPathHasNoTarget() {
            assertThatThrownBy(() -> patchUser("""
                    {"Operations":[{"op":"remove","value":{"nickName":"Babs"}}]}""")).satisfies(scimType(ScimType.NO_TARGET));
        }

        @Test
        void removeOfAnEmailThatIsNotThereHasNoTarget() {
            assertThatThrownBy(() -> patchUser("""
                    {"Operations":[{"op":"remove","path":"emails[type eq \\"work\\"]"}]}""")).satisfies(scimType(ScimType.NO_TARGET));
        }

        @Test
        void aMemberFilterOtherThanValueEqIsAnInvalidFilter() {
            assertThatThrownBy(() -> planGroup("""
                    {"Operations":[{"op":"remove","path":"members[display eq \\"x\\"]"}]}""")).satisfies(scimType(ScimType.INVALID_FILTER));
        }

        @Test
        void anUnknownOpIsAnInvalidSyntax() {
            assertThatThrownBy(() -> patchUser("""
                    {"Operations":[{"op":"merge","path":"nickName","value":"x"}]}"""))
                    .satisfies(scimType(ScimType.INVALID_SYNTAX))
                    .hasMessageContaining("'merge'");
        }
    }
}
