package com.javelo.scim.core.protocol.patch;

import static com.javelo.scim.core.protocol.filter.JsonFixtures.json;
import static com.javelo.scim.core.protocol.filter.JsonFixtures.object;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.ENTERPRISE;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.eq;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.filtered;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.nullValue;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.op;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.path;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.scimType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.error.ScimType;
import com.javelo.scim.core.protocol.filter.ComparisonOperator;
import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.schema.AttributePath;
import com.javelo.scim.core.protocol.schema.ScimUserGroupCharacteristics;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JsonPatcherTest {

    private static final String USER = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
             "id":"23a35c27-1111","externalId":"00ujl29u0le5T6Aj10h7",
             "userName":"test.user@okta.local",
             "name":{"givenName":"Test","familyName":"User"},
             "displayName":"Test User",
             "emails":[{"primary":true,"value":"test.user@okta.local","type":"work"}],
             "active":true,
             "meta":{"resourceType":"User","created":"2024-01-01T00:00:00Z","lastModified":"2024-01-01T00:00:00Z"}}
            """;

    private static final String GROUP = """
            {"id":"g-1","displayName":"Test SCIMv2",
             "members":[{"value":"u-1","display":"one@x.com"},{"value":"u-2"},{"value":"u-3"}]}
            """;

    private final ObjectNode user = object(USER);
    private final ObjectNode group = object(GROUP);

    private ObjectNode patchUser(PatchOperation... operations) {
        return JsonPatcher.apply(user, List.of(operations), ScimUserGroupCharacteristics.users());
    }

    private ObjectNode patchGroup(PatchOperation... operations) {
        return JsonPatcher.apply(group, List.of(operations), ScimUserGroupCharacteristics.groups());
    }

    @Nested
    class PathlessReplace {

        @Test
        void oktaDeactivationSetsActiveFalseAndKeepsEverythingElse() {
            ObjectNode patched = patchUser(op(PatchOp.REPLACE, null, "{\"active\":false}"));

            assertThat(patched.get("active").booleanValue()).isFalse();
            ObjectNode expected = object(USER);
            expected.put("active", false);
            assertThat(patched).isEqualTo(expected);
        }

        @Test
        void oktaReactivationSetsActiveTrue() {
            user.put("active", false);
            assertThat(patchUser(op(PatchOp.REPLACE, null, "{\"active\":true}"))
                            .get("active")
                            .booleanValue())
                    .isTrue();
        }

        @Test
        void aComplexValueMergesItsSubAttributes() {
            ObjectNode patched = patchUser(op(PatchOp.REPLACE, null, "{\"name\":{\"givenName\":\"Another\"}}"));

            assertThat(patched.get("name")).isEqualTo(json("{\"givenName\":\"Another\",\"familyName\":\"User\"}"));
        }

        @Test
        void aMultiValuedAttributeIsReplacedWhole() {
            ObjectNode patched = patchUser(
                    op(PatchOp.REPLACE, null, "{\"emails\":[{\"value\":\"new@okta.local\",\"type\":\"home\"}]}"));

            assertThat(patched.get("emails")).isEqualTo(json("[{\"value\":\"new@okta.local\",\"type\":\"home\"}]"));
        }

        @Test
        void anExtensionObjectMergesIntoTheExtension() {
            user.putObject(ENTERPRISE).put("department", "Sales");
            ObjectNode patched = patchUser(op(
                    PatchOp.REPLACE,
                    null,
                    "{\"" + ENTERPRISE
                            + "\":{\"employeeNumber\":\"701984\",\"manager\":{\"value\":\"boss@acme.com\"}}}"));

            assertThat(patched.get(ENTERPRISE))
                    .isEqualTo(
                            json(
                                    "{\"department\":\"Sales\",\"employeeNumber\":\"701984\",\"manager\":{\"value\":\"boss@acme.com\"}}"));
        }

        @Test
        void anUnknownExtensionIsKeptAsSent() {
            ObjectNode patched = patchUser(op(
                    PatchOp.REPLACE, null, "{\"urn:okta:custom:user:1.0\":{\"site\":\"Lyon\"},\"nickName\":\"Babs\"}"));

            assertThat(patched.get("urn:okta:custom:user:1.0").get("site").textValue())
                    .isEqualTo("Lyon");
            assertThat(patched.get("nickName").textValue()).isEqualTo("Babs");
        }

        @Test
        void aValueThatIsNotAnObjectIsAnInvalidValue() {
            assertThatThrownBy(() -> patchUser(op(PatchOp.REPLACE, null, "\"False\"")))
                    .satisfies(scimType(ScimType.INVALID_VALUE))
                    .hasMessageContaining("without a path needs an object");
        }
    }

    @Nested
    class PathlessAdd {

        @Test
        void mergesSingleComplexAndMultiValuedAttributes() {
            ObjectNode patched = patchUser(op(PatchOp.ADD, null, """
                    {"nickName":"Babs","name":{"middleName":"Excited"},
                     "emails":[{"value":"TEST.USER@okta.local","type":"work"},{"value":"home@x.com","type":"home"}]}
                    """));

            assertThat(patched.get("nickName").textValue()).isEqualTo("Babs");
            assertThat(patched.get("name"))
                    .isEqualTo(json("{\"givenName\":\"Test\",\"familyName\":\"User\",\"middleName\":\"Excited\"}"));
            assertThat(patched.get("emails")).hasSize(2);
            assertThat(patched.get("emails").get(1).get("value").textValue()).isEqualTo("home@x.com");
        }

        @Test
        void addingValuesAlreadyPresentChangesNothing() {
            ObjectNode patched = patchUser(op(
                    PatchOp.ADD,
                    null,
                    "{\"emails\":[{\"value\":\"Test.User@OKTA.local\",\"type\":\"work\",\"primary\":true}],"
                            + "\"active\":true}"));

            assertThat(patched).isEqualTo(user);
        }
    }

    @Nested
    class AddWithPath {

        @Test
        void appendsToAMultiValuedAttribute() {
            ObjectNode patched =
                    patchUser(op(PatchOp.ADD, path("emails"), "[{\"value\":\"b@x.com\",\"type\":\"home\"}]"));

            assertThat(patched.get("emails")).hasSize(2);
        }

        @Test
        void aNewPrimaryValueTakesPrimaryFromTheOthers() {
            ObjectNode patched = patchUser(
                    op(PatchOp.ADD, path("emails"), "[{\"value\":\"b@x.com\",\"type\":\"home\",\"primary\":true}]"));

            assertThat(patched.get("emails").get(0).get("primary").booleanValue())
                    .isFalse();
            assertThat(patched.get("emails").get(1).get("primary").booleanValue())
                    .isTrue();
        }

        @Test
        void entrasAddOfAnAttributeWithoutValueSetsIt() {
            ObjectNode patched = patchUser(op(PatchOp.ADD, path("nickName"), "\"Babs\""));

            assertThat(patched.get("nickName").textValue()).isEqualTo("Babs");
        }

        @Test
        void aStringForAMultiValuedAttributeIsAnInvalidValue() {
            assertThatThrownBy(() -> patchUser(op(PatchOp.ADD, path("emails"), "\"b@x.com\"")))
                    .satisfies(scimType(ScimType.INVALID_VALUE))
                    .hasMessageContaining("'emails' is multi-valued");
        }

        @Test
        void anObjectForASingleStringIsAnInvalidValue() {
            assertThatThrownBy(() -> patchUser(op(PatchOp.ADD, path("userName"), "{\"value\":\"x\"}")))
                    .satisfies(scimType(ScimType.INVALID_VALUE))
                    .hasMessageContaining("'userName'");
        }

        @Test
        void aStringForABooleanIsAnInvalidValueWithoutTheQuirks() {
            assertThatThrownBy(() -> patchUser(op(PatchOp.REPLACE, path("active"), "\"False\"")))
                    .satisfies(scimType(ScimType.INVALID_VALUE))
                    .hasMessageContaining("true or false");
        }

        @Test
        void anUnknownSubAttributeInAUsersValueIsKeptAsSent() {
            ObjectNode patched =
                    patchUser(op(PatchOp.ADD, path("emails"), "[{\"value\":\"b@x.com\",\"kind\":{\"x\":1}}]"));

            assertThat(patched.get("emails").get(1).get("kind")).isEqualTo(json("{\"x\":1}"));
        }

        @Test
        void anUnknownSubAttributeInAGroupsValueIsAnInvalidValue() {
            assertThatThrownBy(
                            () -> patchGroup(op(PatchOp.ADD, path("members"), "[{\"value\":\"u-9\",\"kind\":\"x\"}]")))
                    .satisfies(scimType(ScimType.INVALID_VALUE))
                    .hasMessageContaining("no sub-attribute 'kind'");
        }
    }

    @Nested
    class ReplaceWithPath {

        @Test
        void replacesASimpleAttributeMatchingItsNameIgnoringCase() {
            ObjectNode patched = patchUser(op(PatchOp.REPLACE, path("USERNAME"), "\"new@okta.local\""));

            assertThat(patched.get("userName").textValue()).isEqualTo("new@okta.local");
            assertThat(patched.has("USERNAME")).isFalse();
        }

        @Test
        void writesNewAttributesWithTheirCanonicalName() {
            ObjectNode patched = patchUser(
                    op(PatchOp.REPLACE, path("NICKNAME"), "\"Babs\""),
                    op(PatchOp.REPLACE, path("name.MIDDLENAME"), "\"Excited\""));

            assertThat(patched.get("nickName").textValue()).isEqualTo("Babs");
            assertThat(patched.get("name").get("middleName").textValue()).isEqualTo("Excited");
        }

        @Test
        void replacesASubAttribute() {
            ObjectNode patched = patchUser(op(PatchOp.REPLACE, path("name.familyName"), "\"updatedFamilyName\""));

            assertThat(patched.get("name"))
                    .isEqualTo(json("{\"givenName\":\"Test\",\"familyName\":\"updatedFamilyName\"}"));
        }

        @Test
        void replacesAComplexAttributeWholeWhenThePathNamesIt() {
            ObjectNode patched = patchUser(op(PatchOp.REPLACE, path("name"), "{\"givenName\":\"Only\"}"));

            assertThat(patched.get("name")).isEqualTo(json("{\"givenName\":\"Only\"}"));
        }

        @Test
        void entrasUrnQualifiedExtensionPathCreatesTheExtension() {
            ObjectNode patched = patchUser(op(PatchOp.REPLACE, path(ENTERPRISE, "employeeNumber"), "\"Eqpj\""));

            assertThat(patched.get(ENTERPRISE)).isEqualTo(json("{\"employeeNumber\":\"Eqpj\"}"));
        }

        @Test
        void anUnqualifiedExtensionAttributeLandsInItsExtension() {
            user.putObject(ENTERPRISE.toUpperCase()).put("EmployeeNumber", "1");
            ObjectNode patched = patchUser(op(PatchOp.REPLACE, path("employeeNumber"), "\"2\""));

            assertThat(patched.get(ENTERPRISE.toUpperCase())).isEqualTo(json("{\"EmployeeNumber\":\"2\"}"));
            assertThat(patched.has("employeeNumber")).isFalse();
        }

        @Test
        void replacingAMultiValuedAttributeWithNothingRemovesIt() {
            ObjectNode patched = patchUser(op(PatchOp.REPLACE, path("emails"), "[]"));

            assertThat(patched.has("emails")).isFalse();
        }

        @Test
        void aSubAttributeWithoutFilterChangesEveryValue() {
            user.withArray("emails").addObject().put("value", "b@x.com");
            ObjectNode patched = patchUser(op(PatchOp.REPLACE, path("emails.type"), "\"other\""));

            assertThat(patched.get("emails").findValuesAsText("type")).containsExactly("other", "other");
        }

        @Test
        void aSubAttributeOfAnEmptyMultiValuedAttributeHasNoTarget() {
            assertThatThrownBy(() -> patchUser(op(PatchOp.REPLACE, path("phoneNumbers.type"), "\"work\"")))
                    .satisfies(scimType(ScimType.NO_TARGET));
        }
    }

    @Nested
    class ValueFilters {

        private final PatchPath workEmailValue = filtered("emails", eq("type", "work"), "value");

        @Test
        void replaceChangesTheMatchingValueOnly() {
            user.withArray("emails").addObject().put("value", "home@x.com").put("type", "home");
            ObjectNode patched = patchUser(op(PatchOp.REPLACE, workEmailValue, "\"updatedEmail@microsoft.com\""));

            assertThat(patched.get("emails").get(0).get("value").textValue()).isEqualTo("updatedEmail@microsoft.com");
            assertThat(patched.get("emails").get(1).get("value").textValue()).isEqualTo("home@x.com");
        }

        @Test
        void entrasReplaceOfAMissingWorkEmailCreatesIt() {
            user.remove("emails");
            ObjectNode patched = patchUser(op(PatchOp.REPLACE, workEmailValue, "\"updatedEmail@microsoft.com\""));

            assertThat(patched.get("emails"))
                    .isEqualTo(json("[{\"type\":\"work\",\"value\":\"updatedEmail@microsoft.com\"}]"));
        }

        @Test
        void entrasAddOfAMissingWorkEmailCreatesItBesideTheOthers() {
            user.withArray("emails")
                    .removeAll()
                    .addObject()
                    .put("value", "home@x.com")
                    .put("type", "home");
            ObjectNode patched = patchUser(op(PatchOp.ADD, workEmailValue, "\"work@x.com\""));

            assertThat(patched.get("emails"))
                    .isEqualTo(
                            json(
                                    "[{\"value\":\"home@x.com\",\"type\":\"home\"},{\"type\":\"work\",\"value\":\"work@x.com\"}]"));
        }

        @Test
        void aFilterThatCantDescribeANewValueHasNoTarget() {
            PatchPath containing = filtered(
                    "emails",
                    new Filter.Comparison(AttributePath.of("value"), ComparisonOperator.CO, json("\"@nowhere\"")),
                    null);

            assertThatThrownBy(() -> patchUser(op(PatchOp.REPLACE, containing, "{\"type\":\"home\"}")))
                    .satisfies(scimType(ScimType.NO_TARGET))
                    .hasMessageContaining("emails[value co \"@nowhere\"]");
        }

        @Test
        void replaceWithoutSubAttributeMergesIntoTheMatchingValue() {
            ObjectNode patched = patchUser(
                    op(PatchOp.REPLACE, filtered("emails", eq("type", "work"), null), "{\"value\":\"w@x.com\"}"));

            assertThat(patched.get("emails"))
                    .isEqualTo(json("[{\"primary\":true,\"value\":\"w@x.com\",\"type\":\"work\"}]"));
        }

        @Test
        void removeTakesOnlyTheMatchingValues() {
            ObjectNode patched =
                    patchGroup(op(PatchOp.REMOVE, filtered("members", eq("value", "u-2"), null), (String) null));

            assertThat(patched.get("members").findValuesAsText("value")).containsExactly("u-1", "u-3");
        }

        @Test
        void removingTheLastValueRemovesTheAttribute() {
            ObjectNode patched =
                    patchUser(op(PatchOp.REMOVE, filtered("emails", eq("type", "work"), null), (String) null));

            assertThat(patched.has("emails")).isFalse();
        }

        @Test
        void removeWithAFilterMatchingNothingHasNoTarget() {
            assertThatThrownBy(() -> patchGroup(
                            op(PatchOp.REMOVE, filtered("members", eq("value", "u-9"), null), (String) null)))
                    .satisfies(scimType(ScimType.NO_TARGET))
                    .hasMessageContaining("members[value eq \"u-9\"]");
        }

        @Test
        void clearingTheValueOfAMatchingEmailRemovesThatEmail() {
            ObjectNode patched = patchUser(op(PatchOp.REPLACE, workEmailValue, "\"\""));

            assertThat(patched.has("emails")).isFalse();
        }

        @Test
        void aFilterOnASingleValuedAttributeIsAnInvalidPath() {
            assertThatThrownBy(() -> patchUser(op(PatchOp.REPLACE, filtered("name", eq("givenName", "x"), null), "{}")))
                    .satisfies(scimType(ScimType.INVALID_PATH));
        }
    }

    @Nested
    class Remove {

        @Test
        void withoutPathHasNoTarget() {
            assertThatThrownBy(() -> patchUser(op(PatchOp.REMOVE, null, (String) null)))
                    .satisfies(scimType(ScimType.NO_TARGET))
                    .hasMessageContaining("remove");
        }

        @Test
        void entrasRemoveWithAValueArrayRemovesOnlyThoseMembers() {
            ObjectNode patched = patchGroup(op(PatchOp.REMOVE, path("members"), "[{\"$ref\":null,\"value\":\"u-2\"}]"));

            assertThat(patched.get("members").findValuesAsText("value")).containsExactly("u-1", "u-3");
        }

        @Test
        void aBareRemoveOfAMultiValuedAttributeClearsIt() {
            ObjectNode patched = patchGroup(op(PatchOp.REMOVE, path("members"), (String) null));

            assertThat(patched.has("members")).isFalse();
        }

        @Test
        void removesASubAttributeAndAComplexAttributeLeftEmpty() {
            ObjectNode once = patchUser(op(PatchOp.REMOVE, path("name.givenName"), (String) null));
            assertThat(once.get("name")).isEqualTo(json("{\"familyName\":\"User\"}"));

            ObjectNode twice = patchUser(
                    op(PatchOp.REMOVE, path("name.givenName"), (String) null),
                    op(PatchOp.REMOVE, path("name.familyName"), (String) null));
            assertThat(twice.has("name")).isFalse();
        }

        @Test
        void removingTheLastExtensionAttributeRemovesTheExtensionObject() {
            user.putObject(ENTERPRISE).putObject("manager").put("value", "boss@acme.com");
            ObjectNode patched = patchUser(op(PatchOp.REMOVE, path(ENTERPRISE, "manager"), (String) null));

            assertThat(patched.has(ENTERPRISE)).isFalse();
        }

        @Test
        void removingAnAbsentAttributeChangesNothing() {
            assertThat(patchUser(op(PatchOp.REMOVE, path("nickName"), (String) null)))
                    .isEqualTo(user);
        }
    }

    @Nested
    class NullUpdate {

        @Test
        void entrasEmptyStringsThenNullsClearTheAttributes() {
            user.put("nickName", "Babs").put("title", "Tour Guide");
            ObjectNode emptied = patchUser(
                    op(PatchOp.REPLACE, path("nickName"), "\"\""),
                    op(PatchOp.REPLACE, path("name.givenName"), "\"\""),
                    op(PatchOp.REPLACE, null, "{\"title\":\"\"}"));
            assertThat(emptied.has("nickName")).isFalse();
            assertThat(emptied.has("title")).isFalse();
            assertThat(emptied.get("name")).isEqualTo(json("{\"familyName\":\"User\"}"));

            ObjectNode nulled = JsonPatcher.apply(
                    emptied,
                    List.of(
                            nullValue(PatchOp.REPLACE, path("nickName")),
                            nullValue(PatchOp.ADD, path("name.familyName")),
                            op(PatchOp.REPLACE, null, "{\"displayName\":null}")),
                    ScimUserGroupCharacteristics.users());
            assertThat(nulled.has("name")).isFalse();
            assertThat(nulled.has("displayName")).isFalse();
        }
    }

    @Nested
    class ReadOnly {

        @Test
        void readOnlyAttributesAreIgnoredWhateverTheValue() {
            ObjectNode patched = patchUser(
                    op(PatchOp.REPLACE, path("id"), "\"another-id\""),
                    op(PatchOp.REPLACE, path("meta.lastModified"), "\"2030-01-01T00:00:00Z\""),
                    op(PatchOp.ADD, path("groups"), "[{\"value\":\"g-1\"}]"),
                    op(PatchOp.REPLACE, null, "{\"id\":\"23a35c27-1111\",\"meta\":{},\"schemas\":[]}"),
                    op(PatchOp.REMOVE, path("meta"), (String) null));

            assertThat(patched).isEqualTo(user);
        }

        @Test
        void readOnlySubAttributesOfValuesAreDropped() {
            ObjectNode patched = patchGroup(
                    op(PatchOp.ADD, path("members"), "[{\"value\":\"u-4\",\"display\":\"four@x.com\",\"$ref\":null}]"));

            assertThat(patched.get("members").get(3)).isEqualTo(json("{\"value\":\"u-4\"}"));
        }
    }

    @Nested
    class UnknownPaths {

        @Test
        void anUnknownAttributeIsKeptAsSent() {
            assertThat(patchUser(op(PatchOp.REPLACE, path("favouriteColour"), "\"blue\""))
                            .get("favouriteColour")
                            .textValue())
                    .isEqualTo("blue");
        }

        @Test
        void anUnknownKeyOfAPathlessValueIsKeptAsSent() {
            assertThat(patchUser(op(PatchOp.REPLACE, null, "{\"favouriteColour\":{\"primary\":false}}"))
                            .get("favouriteColour")
                            .get("primary")
                            .booleanValue())
                    .isFalse();
        }

        @Test
        void anUnknownUrnQualifiedKeyOfAPathlessValueIsKeptUnderItsUrn() {
            assertThat(patchUser(op(PatchOp.REPLACE, null, "{\"urn:acme:User:site\":\"Lyon\"}"))
                            .get("urn:acme:User")
                            .get("site")
                            .textValue())
                    .isEqualTo("Lyon");
        }

        @Test
        void anUnknownAttributeOfAGroupIsAnInvalidPathNamingIt() {
            assertThatThrownBy(() -> patchGroup(op(PatchOp.REPLACE, path("favouriteColour"), "\"blue\"")))
                    .satisfies(scimType(ScimType.INVALID_PATH))
                    .hasMessageContaining("'favouriteColour'");
        }

        @Test
        void anUnknownSubAttributeOfAComplexAttributeIsWrittenAsSentAndRemovedByPath() {
            ObjectNode patched = patchUser(op(PatchOp.REPLACE, path("name.pronunciation"), "{\"ipa\":\"zho\"}"));
            assertThat(patched.get("name"))
                    .isEqualTo(json(
                            "{\"givenName\":\"Test\",\"familyName\":\"User\",\"pronunciation\":{\"ipa\":\"zho\"}}"));

            ObjectNode removed = JsonPatcher.apply(
                    patched,
                    List.of(op(PatchOp.REMOVE, path("name.pronunciation"), (String) null)),
                    ScimUserGroupCharacteristics.users());
            assertThat(removed.get("name")).isEqualTo(json("{\"givenName\":\"Test\",\"familyName\":\"User\"}"));
        }

        @Test
        void anUnknownSubAttributeOfAnExtensionsComplexAttributeIsWrittenAsSent() {
            user.putObject(ENTERPRISE).putObject("manager").put("value", "boss@acme.com");

            ObjectNode patched = patchUser(op(PatchOp.ADD, path(ENTERPRISE, "manager.since"), "\"2020-01-01\""));

            assertThat(patched.get(ENTERPRISE).get("manager"))
                    .isEqualTo(json("{\"value\":\"boss@acme.com\",\"since\":\"2020-01-01\"}"));
        }

        @Test
        void anUnknownSubAttributeOfTheValuesAFilterSelectsIsWrittenOnThoseOnly() {
            user.withArray("emails").addObject().put("value", "t@home.example").put("type", "home");

            ObjectNode patched =
                    patchUser(op(PatchOp.REPLACE, filtered("emails", eq("type", "work"), "verified"), "true"));

            assertThat(patched.get("emails").get(0).get("verified").booleanValue())
                    .isTrue();
            assertThat(patched.get("emails").get(1).has("verified")).isFalse();
        }

        @Test
        void anUnknownSubAttributeOnAFilterNothingMatchesCreatesTheValueAsAKnownOneDoes() {
            ObjectNode unknown =
                    patchUser(op(PatchOp.REPLACE, filtered("emails", eq("type", "home"), "verified"), "true"));
            ObjectNode known =
                    patchUser(op(PatchOp.REPLACE, filtered("emails", eq("type", "home"), "display"), "\"Home\""));

            assertThat(unknown.get("emails").get(1)).isEqualTo(json("{\"type\":\"home\",\"verified\":true}"));
            assertThat(known.get("emails").get(1)).isEqualTo(json("{\"type\":\"home\",\"display\":\"Home\"}"));
        }

        @Test
        void anUnknownSubAttributeOfASimpleOrReadOnlyAttributeIsAnInvalidPath() {
            assertThatThrownBy(() -> patchUser(op(PatchOp.REPLACE, path("title.nick"), "\"x\"")))
                    .satisfies(scimType(ScimType.INVALID_PATH))
                    .hasMessageContaining("'nick'");
            assertThatThrownBy(() -> patchUser(op(PatchOp.REPLACE, path("meta.nick"), "\"x\"")))
                    .satisfies(scimType(ScimType.INVALID_PATH));
        }

        @Test
        void anUnknownSubAttributeOfAGroupsAttributeIsAnInvalidPath() {
            assertThatThrownBy(() ->
                            patchGroup(op(PatchOp.REPLACE, filtered("members", eq("value", "u-1"), "nick"), "\"x\"")))
                    .satisfies(scimType(ScimType.INVALID_PATH))
                    .hasMessageContaining("'nick'");
        }

        @Test
        void anUnknownSubAttributeOfAnUnknownAttributeIsAnInvalidPath() {
            assertThatThrownBy(() -> patchUser(op(PatchOp.ADD, path("favourite.colour"), "\"blue\"")))
                    .satisfies(scimType(ScimType.INVALID_PATH));
        }

        @Test
        void aPathInAnUnknownExtensionIsIgnored() {
            assertThat(patchGroup(op(PatchOp.REPLACE, path("urn:okta:custom:group:1.0", "description"), "\"x\"")))
                    .isEqualTo(group);
        }
    }

    @Nested
    class Atomicity {

        @Test
        void whenASecondOperationFailsTheResourceIsUnchanged() {
            ObjectNode before = user.deepCopy();

            assertThatThrownBy(() -> patchUser(
                            op(PatchOp.REPLACE, null, "{\"active\":false}"),
                            op(PatchOp.REMOVE, filtered("emails", eq("type", "home"), null), (String) null)))
                    .satisfies(scimType(ScimType.NO_TARGET));
            assertThat(user).isEqualTo(before);
        }

        @Test
        void aSuccessfulPatchReturnsACopyAndLeavesTheInputAlone() {
            ObjectNode before = user.deepCopy();

            ObjectNode patched = patchUser(op(PatchOp.REPLACE, path("name.givenName"), "\"X\""));

            assertThat(patched).isNotSameAs(user);
            assertThat(user).isEqualTo(before);
        }
    }
}
