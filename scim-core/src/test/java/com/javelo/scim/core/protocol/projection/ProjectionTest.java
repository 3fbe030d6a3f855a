package com.javelo.scim.core.protocol.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.core.protocol.json.ScimJson;
import com.javelo.scim.core.protocol.schema.AttributePath;
import com.javelo.scim.core.protocol.schema.ResourceSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static final String USER = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "id":"2819c223","externalId":"00ujl29u0le5T6Aj10h7",
             "userName":"test.user@okta.local",
             "name":{"givenName":"Test","familyName":"User"},
             "emails":[{"primary":true,"value":"test.user@okta.local","type":"work"}],
             "displayName":"Test User","active":true,"password":"1mz050nq",
             "groups":[{"value":"g1","display":"Sales"}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                 {"department":"Sales","manager":{"value":"boss@okta.local","displayName":"The Boss"}},
             "meta":{"resourceType":"User","location":"https://host/scim/v2/Users/2819c223","version":"W/\\"1\\""}}
            """;

    private static final String GROUP = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],
             "id":"e9e30dba","displayName":"Tour Guides","externalId":"8aa1a0c0",
             "members":[{"value":"2819c223","display":"Babs Jensen","$ref":"https://host/scim/v2/Users/2819c223"}],
             "meta":{"resourceType":"Group"}}
            """;

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode user(String attributes, String excluded) {
        return Projection.of(attributes, excluded).apply(json(USER), ResourceSchema.USER);
    }

    private static List<String> fieldNames(ObjectNode node) {
        return node.properties().stream().map(java.util.Map.Entry::getKey).toList();
    }

    @Test
    void theDefaultKeepsEverythingButNeverReturnedAttributes() {
        ObjectNode result = user(null, null);

        ObjectNode expected = json(USER);
        expected.remove("password");
        assertThat(result).isEqualTo(expected);
    }

    @Test
    void passwordIsNeverReturnedEvenWhenAskedFor() {
        assertThat(user("password,userName", null).has("password")).isFalse();
    }

    @Test
    void excludedMembersDropsTheMembersAndNothingElse() {
        ObjectNode result = Projection.of(null, "members").apply(json(GROUP), ResourceSchema.GROUP);

        assertThat(fieldNames(result)).containsExactly("schemas", "id", "displayName", "externalId", "meta");
    }

    @Test
    void excludedMembersTellsTheCallerNotToLoadThem() {
        Projection projection = Projection.of(null, "members");

        assertThat(projection.includes(AttributePath.of("members"), ResourceSchema.GROUP))
                .isFalse();
        assertThat(projection.includes(AttributePath.of("members"))).isFalse();
        assertThat(projection.includes(AttributePath.of("displayName"), ResourceSchema.GROUP))
                .isTrue();
    }

    @Test
    void attributesIdKeepsOnlyIdAndSchemas() {
        ObjectNode result = Projection.of("id", null).apply(json(GROUP), ResourceSchema.GROUP);

        assertThat(fieldNames(result)).containsExactly("schemas", "id");
        assertThat(Projection.of("id", null).includes(AttributePath.of("members"), ResourceSchema.GROUP))
                .isFalse();
    }

    @Test
    void idIsAlwaysReturnedAndCannotBeExcluded() {
        assertThat(fieldNames(user("userName", null))).containsExactly("schemas", "id", "userName");
        assertThat(user(null, "id,schemas").get("id").asText()).isEqualTo("2819c223");
        assertThat(Projection.of(null, "id").includes(AttributePath.of("id"), ResourceSchema.USER))
                .isTrue();
    }

    @Test
    void attributesKeepsNamedSubAttributesOnly() {
        ObjectNode result = user("userName,name.givenName", null);

        assertThat(fieldNames(result)).containsExactly("schemas", "id", "userName", "name");
        assertThat(result.get("name")).isEqualTo(json("{\"givenName\":\"Test\"}"));
    }

    @Test
    void attributesNamesAreCaseInsensitiveAndMayBeQualified() {
        ObjectNode result = user("USERNAME, urn:ietf:params:scim:schemas:core:2.0:user:Name.GivenName", null);

        assertThat(result.get("userName").asText()).isEqualTo("test.user@okta.local");
        assertThat(result.get("name")).isEqualTo(json("{\"givenName\":\"Test\"}"));
    }

    @Test
    void subAttributesOfMultiValuedAttributesAreKeptInEachValue() {
        ObjectNode result = user("emails.value", null);

        assertThat(result.get("emails"))
                .isEqualTo(JSON.createArrayNode().add(json("{\"value\":\"test.user@okta.local\"}")));
    }

    @Test
    void aQualifiedExtensionAttributeIsKeptInsideItsUrnObject() {
        ObjectNode result = user(ENTERPRISE + ":department", null);

        assertThat(fieldNames(result)).containsExactly("schemas", "id", ENTERPRISE);
        assertThat(result.get(ENTERPRISE)).isEqualTo(json("{\"department\":\"Sales\"}"));
    }

    @Test
    void anUnqualifiedExtensionAttributeIsFoundInTheExtension() {
        ObjectNode result = user("manager.value", null);

        assertThat(result.get(ENTERPRISE)).isEqualTo(json("{\"manager\":{\"value\":\"boss@okta.local\"}}"));
    }

    @Test
    void theExtensionUrnLeavesSchemasWhenItsObjectIsDropped() {
        ObjectNode result = user("userName", null);

        assertThat(result.has(ENTERPRISE)).isFalse();
        assertThat(result.get("schemas"))
                .containsExactly(JSON.getNodeFactory().textNode("urn:ietf:params:scim:schemas:core:2.0:User"));
    }

    @Test
    void aWholeExtensionCanBeAskedForOrExcludedByItsUrn() {
        assertThat(user(ENTERPRISE, null).get(ENTERPRISE)).isEqualTo(json(USER).get(ENTERPRISE));
        assertThat(user(null, ENTERPRISE).has(ENTERPRISE)).isFalse();
    }

    @Test
    void excludedSubAttributesAreRemovedFromTheirParent() {
        ObjectNode result = user(null, "name.familyName,emails.type," + ENTERPRISE + ":manager.displayName");

        assertThat(result.get("name")).isEqualTo(json("{\"givenName\":\"Test\"}"));
        assertThat(result.get("emails").get(0).has("type")).isFalse();
        assertThat(result.get(ENTERPRISE).get("manager")).isEqualTo(json("{\"value\":\"boss@okta.local\"}"));
    }

    @Test
    void excludedAttributesMayBeExtensionAttributesWrittenUnqualified() {
        ObjectNode result = user(null, "department,meta");

        assertThat(result.get(ENTERPRISE).has("department")).isFalse();
        assertThat(result.get(ENTERPRISE).has("manager")).isTrue();
        assertThat(result.has("meta")).isFalse();
    }

    @Test
    void metaIsReturnedByDefaultOnlyAndSoDroppedByAttributes() {
        assertThat(user("userName", null).has("meta")).isFalse();
        assertThat(user("userName,meta.location", null).get("meta"))
                .isEqualTo(json("{\"location\":\"https://host/scim/v2/Users/2819c223\"}"));
    }

    @Test
    void unknownNamesAreIgnored() {
        assertThat(fieldNames(user("shoeSize,userName", null))).containsExactly("schemas", "id", "userName");
        assertThat(user(null, "shoeSize,name.nickname")).isEqualTo(user(null, null));
    }

    @Test
    void attributesTakePrecedenceOverExcludedAttributes() {
        ObjectNode result = user("userName,displayName", "displayName");

        assertThat(fieldNames(result)).containsExactly("schemas", "id", "userName", "displayName");
    }

    @Test
    void blankParametersMeanTheDefaultSet() {
        assertThat(Projection.of(" ", "").isDefault()).isTrue();
        assertThat(Projection.of(null, " , ")).isSameAs(Projection.all());
    }

    @Test
    void malformedNamesAreRefused() {
        assertThatThrownBy(() -> Projection.of("emails..value", null)).isInstanceOf(ScimException.class);
    }

    @Test
    void aValueFilterInAttributesSelectsTheWholeAttributeAsMicrosoftsValidatorExpects() {
        ObjectNode user = (ObjectNode) ScimJson.mapper()
                .createObjectNode()
                .put("id", "1")
                .put("userName", "u")
                .set(
                        "emails",
                        ScimJson.mapper()
                                .createArrayNode()
                                .add(ScimJson.mapper()
                                        .createObjectNode()
                                        .put("value", "emailName357")
                                        .put("type", "work")));

        ObjectNode result = Projection.of("emails[type eq \"work\"]", null).apply(user, ResourceSchema.USER);

        assertThat(result.toString()).contains("emailName357").doesNotContain("userName");
    }

    @Test
    void theResourceIsNotChanged() {
        ObjectNode resource = json(USER);

        Projection.of("id", null).apply(resource, ResourceSchema.USER);

        assertThat(resource).isEqualTo(json(USER));
    }

    @Test
    void includesKnowsAboutSubAttributesAndReturnedRules() {
        Projection givenName = Projection.of("name.givenName", null);

        assertThat(givenName.includes(AttributePath.of("name"), ResourceSchema.USER))
                .isTrue();
        assertThat(givenName.includes(AttributePath.of("name", "givenName"), ResourceSchema.USER))
                .isTrue();
        assertThat(givenName.includes(AttributePath.of("name", "familyName"), ResourceSchema.USER))
                .isFalse();
        assertThat(givenName.includes(AttributePath.of("name"))).isTrue();
        assertThat(Projection.all().includes(AttributePath.of("password"), ResourceSchema.USER))
                .isFalse();
        assertThat(Projection.all().includes(AttributePath.of("groups"), ResourceSchema.USER))
                .isTrue();
        assertThat(Projection.of("members.value", null).includes(AttributePath.of("members"), ResourceSchema.GROUP))
                .isTrue();
        assertThat(Projection.of(null, "name").includes(AttributePath.of("name", "givenName")))
                .isFalse();
    }
}
