package com.javelo.scim.core.protocol.patch;

import static com.javelo.scim.core.protocol.filter.JsonFixtures.json;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.scimType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.javelo.scim.core.protocol.error.ScimType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatchRequestTest {

    @Test
    void readsOktasDeactivation() {
        List<PatchOperation> operations = PatchRequest.parse(json("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","value":{"active":false}}]}
                """)).operations();

        assertThat(operations).containsExactly(new PatchOperation(PatchOp.REPLACE, null, json("{\"active\":false}")));
    }

    @Test
    void readsOpsAndMemberNamesIgnoringCase() {
        List<PatchOperation> operations = PatchRequest.parse(json("""
                {"operations":[{"Op":"Replace","VALUE":{"active":"False"}},{"op":"ADD","value":{"nickName":"Babs"}}]}
                """)).operations();

        assertThat(operations).extracting(PatchOperation::op).containsExactly(PatchOp.REPLACE, PatchOp.ADD);
        assertThat(operations.get(0).value()).isEqualTo(json("{\"active\":\"False\"}"));
    }

    @Test
    void toleratesSchemasWithoutThePatchOpUrn() {
        assertThat(PatchRequest.parse(json("{\"schemas\":[],\"Operations\":[{\"op\":\"add\",\"value\":{}}]}"))
                        .operations())
                .hasSize(1);
    }

    @Test
    void keepsAnExplicitNullValueApartFromAMissingOne() {
        List<PatchOperation> operations = PatchRequest.parse(json("""
                {"Operations":[{"op":"replace","value":null},{"op":"remove","path":""}]}
                """)).operations();

        assertThat(operations.get(0).value().isNull()).isTrue();
        assertThat(operations.get(1).value()).isNull();
        assertThat(operations.get(1).path()).isNull();
    }

    @Test
    void keepsEachOpAsWrittenForTheQuirksThatReadTheDialect() {
        PatchRequest request = PatchRequest.parse(json("""
                {"Operations":[{"op":"Replace","path":"active","value":"False"},{"op":"add","path":"nickName","value":"B"}]}
                """));

        assertThat(request.writtenOps()).containsExactly("Replace", "add");
        assertThat(request.operations()).extracting(PatchOperation::op).containsExactly(PatchOp.REPLACE, PatchOp.ADD);
    }

    @Test
    void refusesABodyThatIsNotAnObject() {
        assertThatThrownBy(() -> PatchRequest.parse(json("[]")))
                .satisfies(scimType(ScimType.INVALID_SYNTAX))
                .hasMessageContaining("Operations");
    }

    @Test
    void refusesSchemasThatIsNotAnArray() {
        assertThatThrownBy(() -> PatchRequest.parse(
                        json("{\"schemas\":\"urn:ietf:params:scim:api:messages:2.0:PatchOp\",\"Operations\":[]}")))
                .satisfies(scimType(ScimType.INVALID_SYNTAX))
                .hasMessageContaining("'schemas' must be an array");
    }

    @Test
    void refusesMissingOrNonArrayOperations() {
        assertThatThrownBy(() -> PatchRequest.parse(json("{\"schemas\":[]}")))
                .satisfies(scimType(ScimType.INVALID_SYNTAX))
                .hasMessageContaining("\"Operations\" array");
        assertThatThrownBy(() -> PatchRequest.parse(json("{\"Operations\":{\"op\":\"add\"}}")))
                .satisfies(scimType(ScimType.INVALID_SYNTAX));
    }

    @Test
    void refusesEmptyOperations() {
        assertThatThrownBy(() -> PatchRequest.parse(json("{\"Operations\":[]}")))
                .satisfies(scimType(ScimType.INVALID_VALUE))
                .hasMessageContaining("empty");
    }

    @Test
    void refusesAnUnknownOpNamingIt() {
        assertThatThrownBy(() ->
                        PatchRequest.parse(json("{\"Operations\":[{\"op\":\"add\",\"value\":{}},{\"op\":\"foo\"}]}")))
                .satisfies(scimType(ScimType.INVALID_SYNTAX))
                .hasMessageContaining("Operations[1]")
                .hasMessageContaining("op 'foo'");
    }

    @Test
    void refusesAnOperationWithoutOp() {
        assertThatThrownBy(() -> PatchRequest.parse(json("{\"Operations\":[{\"path\":\"active\",\"value\":false}]}")))
                .satisfies(scimType(ScimType.INVALID_SYNTAX))
                .hasMessageContaining("needs an \"op\"");
    }

    @Test
    void refusesAnOperationThatIsNotAnObject() {
        assertThatThrownBy(() -> PatchRequest.parse(json("{\"Operations\":[\"replace\"]}")))
                .satisfies(scimType(ScimType.INVALID_SYNTAX));
    }

    @Test
    void refusesAddOrReplaceWithoutValue() {
        assertThatThrownBy(() -> PatchRequest.parse(json("{\"Operations\":[{\"op\":\"replace\"}]}")))
                .satisfies(scimType(ScimType.INVALID_VALUE))
                .hasMessageContaining("needs a \"value\"");
    }

    @Test
    void refusesAPathThatIsNotAString() {
        assertThatThrownBy(
                        () -> PatchRequest.parse(json("{\"Operations\":[{\"op\":\"remove\",\"path\":[\"members\"]}]}")))
                .satisfies(scimType(ScimType.INVALID_SYNTAX))
                .hasMessageContaining("\"path\"");
    }
}
