package com.javelo.scim.core.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.event.AttributeChange;
import org.junit.jupiter.api.Test;

class ResourceChangesTest {

    private static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) ScimJson.mapper().readTree(text);
    }

    @Test
    void subAttributesExtensionAttributesAndMultiValuedAttributesByPath() throws Exception {
        ObjectNode before = json("{\"userName\":\"ann\",\"name\":{\"givenName\":\"Ann\",\"familyName\":\"Lee\"},"
                + "\"emails\":[{\"value\":\"a@x\"}],\"meta\":{\"version\":\"W/\\\"1\\\"\"},"
                + "\"" + ENT + "\":{\"department\":\"R&D\",\"manager\":{\"value\":\"bob\"}}}");
        ObjectNode after = json("{\"userName\":\"ann\",\"name\":{\"givenName\":\"Anna\",\"familyName\":\"Lee\"},"
                + "\"emails\":[{\"value\":\"anna@x\"}],\"meta\":{\"version\":\"W/\\\"2\\\"\"},"
                + "\"" + ENT + "\":{\"department\":\"Sales\",\"manager\":{\"value\":\"carl\"}},\"title\":\"Lead\"}");

        assertThat(ResourceChanges.between(before, after))
                .extracting(
                        AttributeChange::path,
                        change -> change.oldValue().toString(),
                        change -> change.newValue().toString())
                .containsExactly(
                        tuple("name.givenName", "\"Ann\"", "\"Anna\""),
                        tuple("emails", "[{\"value\":\"a@x\"}]", "[{\"value\":\"anna@x\"}]"),
                        tuple(ENT + ":department", "\"R&D\"", "\"Sales\""),
                        tuple(ENT + ":manager.value", "\"bob\"", "\"carl\""),
                        tuple("title", "null", "\"Lead\""));
    }
}
