package com.javelo.scim.core.protocol.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.core.protocol.error.ScimType;
import com.javelo.scim.core.protocol.json.ScimJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputLimitsTest {

    private static ObjectNode user(String userName) {
        return ScimJson.nodes().objectNode().put("userName", userName);
    }

    private static String refusal(Runnable check) {
        ScimException refused = catchThrowableOfType(ScimException.class, check::run);
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.error().status()).isEqualTo(400);
        assertThat(refused.error().scimType()).isEqualTo(ScimType.INVALID_VALUE);
        return refused.error().detail();
    }

    @Test
    void aStringAtItsColumnsSizeIsAcceptedAndOneMoreIsRefusedWithNameAndLimit() {
        assertThatCode(() -> InputLimits.checkUser(user("u".repeat(1024)))).doesNotThrowAnyException();
        String detail = refusal(() -> InputLimits.checkUser(user("u".repeat(1025))));
        assertThat(detail).contains("'userName'", "1024", "1025 given").doesNotContain("uuuu");
    }

    @Test
    void namesAreMatchedIgnoringCaseAndExtensionsAreQualified() {
        ObjectNode body = user("a@x.example").put("LOCALE", "l".repeat(65));
        assertThat(refusal(() -> InputLimits.checkUser(body))).contains("'locale'", "64");
        ObjectNode enterprise = user("a@x.example");
        enterprise
                .putObject(ScimSchemas.ENTERPRISE_USER_URN.toLowerCase())
                .putObject("manager")
                .put("value", "m".repeat(1025));
        assertThat(refusal(() -> InputLimits.checkUser(enterprise)))
                .contains(ScimSchemas.ENTERPRISE_USER_URN + ":manager.value'", "1024");
    }

    @Test
    void multiValuedAttributesHaveAMaximumCountAndBareStringsAreTheirValue() {
        ObjectNode body = user("a@x.example");
        ArrayNode emails = body.putArray("emails");
        for (int i = 0; i < 100; i++) {
            emails.addObject().put("value", i + "@x.example");
        }
        assertThatCode(() -> InputLimits.checkUser(body)).doesNotThrowAnyException();
        emails.add("e".repeat(1025));
        assertThat(refusal(() -> InputLimits.checkUser(body))).contains("'emails'", "101 values", "100");
        emails.remove(100);
        emails.remove(99);
        emails.add("e".repeat(1025));
        assertThat(refusal(() -> InputLimits.checkUser(body))).contains("'emails.value'", "1024");
    }

    @Test
    void nulIsRefusedInAnyStringKnownOrNot() {
        assertThat(refusal(() -> InputLimits.checkUser(user("a\u0000b")))).contains("'userName'", "NUL");
        ObjectNode unknown = user("a@x.example");
        unknown.putObject("urn:example:custom").putArray("notes").add("\u0000");
        assertThat(refusal(() -> InputLimits.checkUser(unknown))).contains("'urn:example:custom.notes'", "NUL");
        ObjectNode name = user("a@x.example");
        name.putObject("name").put("middleName", "x\u0000");
        assertThat(refusal(() -> InputLimits.checkUser(name))).contains("'name.middleName'");
        ObjectNode key = user("a@x.example").put("odd\u0000key", "x");
        assertThat(refusal(() -> InputLimits.checkUser(key))).contains("attribute name", "NUL");
    }

    @Test
    void groupsMembersAndTenantNamesHaveTheirLimits() {
        ObjectNode group = ScimJson.nodes().objectNode().put("displayName", "d".repeat(1025));
        assertThat(refusal(() -> InputLimits.checkGroup(group))).contains("'displayName'", "1024");
        assertThat(refusal(() -> InputLimits.checkMembers(List.of("m".repeat(65)), Map.of())))
                .contains("'members.value'", "64");
        assertThat(refusal(() -> InputLimits.checkMembers(List.of("id"), Map.of("id", "d".repeat(1025)))))
                .contains("'members.display'", "1024");
        assertThatCode(() -> InputLimits.checkString(ScimSchemas.TENANT_NAME, "c".repeat(512), "name"))
                .doesNotThrowAnyException();
        assertThat(refusal(() -> InputLimits.checkString(ScimSchemas.TENANT_NAME, "c".repeat(513), "name")))
                .contains("'name'", "512");
    }

    @Test
    void everyStringColumnIsBoundedByItsAttribute() {
        // The attributes with a column of their own (V1__provisioning_schema.sql) and its size.
        Map<String, Integer> columns = Map.ofEntries(
                Map.entry("userName", 1024),
                Map.entry("externalId", 1024),
                Map.entry("displayName", 1024),
                Map.entry("nickName", 1024),
                Map.entry("title", 1024),
                Map.entry("userType", 1024),
                Map.entry("locale", 64),
                Map.entry("preferredLanguage", 64),
                Map.entry("timezone", 64));
        columns.forEach((name, size) -> assertThat(
                        ScimSchemas.USER.attribute(name).orElseThrow().maxLength())
                .as(name)
                .hasValue(size));
        for (String name : List.of("employeeNumber", "costCenter", "organization", "division", "department")) {
            assertThat(ScimSchemas.ENTERPRISE_USER.attribute(name).orElseThrow().maxLength())
                    .as(name)
                    .hasValue(1024);
        }
        for (AttributeDefinition attribute : ScimSchemas.USER.attributes()) {
            if (attribute.multiValued() && attribute.mutability() != Mutability.READ_ONLY) {
                assertThat(attribute.maxValues()).as(attribute.name()).hasValue(ScimSchemas.MAX_VALUES);
            }
        }
    }
}
