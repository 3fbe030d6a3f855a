package com.javelo.scim.core.protocol.patch.quirks;

import static com.javelo.scim.core.protocol.patch.PatchFixtures.ENTERPRISE;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.op;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.path;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.scimType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.javelo.scim.core.protocol.error.ScimType;
import com.javelo.scim.core.protocol.patch.PatchOp;
import com.javelo.scim.core.protocol.patch.PatchOperation;
import com.javelo.scim.core.protocol.patch.PatchPath;
import com.javelo.scim.core.protocol.schema.ScimUserGroupCharacteristics;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManagerShapesTest {

    private static final PatchPath QUALIFIED = path(ENTERPRISE, "manager");
    private static final PatchPath UNQUALIFIED = path("manager");

    private final ManagerShapes quirk = new ManagerShapes();

    private List<PatchOperation> normalise(PatchOperation operation) {
        return quirk.normalise(operation, ScimUserGroupCharacteristics.users());
    }

    @Test
    void aBareStringBecomesTheManagersValue() {
        // SCIM-SDK#686: {"op":"add","path":"urn:…:enterprise:2.0:User:manager","value":"2c2f6fb8-…"}
        assertThat(normalise(op(PatchOp.ADD, QUALIFIED, "\"2c2f6fb8-9c5b-4e2a-bc6a-6f1b5b5e1e11\"")))
                .containsExactly(op(PatchOp.ADD, QUALIFIED, "{\"value\":\"2c2f6fb8-9c5b-4e2a-bc6a-6f1b5b5e1e11\"}"));
    }

    @Test
    void entrasArrayOfReferencesBecomesItsSingleValue() {
        // Entra doc, Example 5: {"op":"Add","path":"manager","value":[{"$ref":"http://…/Users/00aa…","value":"00aa…"}]}
        PatchOperation recorded = op(
                PatchOp.ADD, UNQUALIFIED, "[{\"$ref\":\"http://example.com/Users/00aa00aa\",\"value\":\"00aa00aa\"}]");

        assertThat(normalise(recorded)).containsExactly(op(PatchOp.ADD, UNQUALIFIED, "{\"value\":\"00aa00aa\"}"));
    }

    @Test
    void theRfcObjectKeepsOnlyItsValue() {
        assertThat(normalise(op(PatchOp.REPLACE, QUALIFIED, "{\"value\":\"boss@acme.com\",\"$ref\":null}")))
                .containsExactly(op(PatchOp.REPLACE, QUALIFIED, "{\"value\":\"boss@acme.com\"}"));
    }

    @Test
    void subAttributesTheManagerDoesNotDefineStayBesideItsValueToBeCarried() {
        assertThat(normalise(op(
                        PatchOp.REPLACE,
                        QUALIFIED,
                        "{\"value\":\"boss@acme.com\",\"displayName\":\"Boss\",\"since\":\"2020-01-01\"}")))
                .containsExactly(
                        op(PatchOp.REPLACE, QUALIFIED, "{\"value\":\"boss@acme.com\",\"since\":\"2020-01-01\"}"));
    }

    @Test
    void replaceWithEmptyRemovesTheManager() {
        // SCIM_Update_Manager_Test: Add, then Replace, then Replace with empty
        for (String empty : List.of("\"\"", "null", "[]", "{\"value\":\"\"}", "{}")) {
            assertThat(normalise(op(PatchOp.REPLACE, UNQUALIFIED, empty)))
                    .as(empty)
                    .containsExactly(op(PatchOp.REMOVE, UNQUALIFIED, (String) null));
        }
    }

    @Test
    void anRfcRemoveIsLeftAlone() {
        PatchOperation remove = op(PatchOp.REMOVE, QUALIFIED, (String) null);

        assertThat(normalise(remove)).containsExactly(remove);
    }

    @Test
    void thePlainStringInsideAPathlessExtensionValueBecomesTheValue() {
        // Entra doc schema example and SCIMple#1242: "urn:…:enterprise:2.0:User":{"manager":"123456"}
        PatchOperation pathless = op(PatchOp.REPLACE, null, "{\"" + ENTERPRISE + "\":{\"manager\":\"123456\"}}");

        assertThat(normalise(pathless))
                .containsExactly(
                        op(PatchOp.REPLACE, null, "{\"" + ENTERPRISE + "\":{\"manager\":{\"value\":\"123456\"}}}"));
    }

    @Test
    void anEmptyManagerInsideAPathlessValueBecomesNull() {
        PatchOperation pathless = op(PatchOp.REPLACE, null, "{\"manager\":\"\",\"title\":\"x\"}");

        assertThat(normalise(pathless))
                .containsExactly(op(PatchOp.REPLACE, null, "{\"manager\":null,\"title\":\"x\"}"));
    }

    @Test
    void severalManagersAreAnInvalidValue() {
        assertThatThrownBy(() -> normalise(op(PatchOp.ADD, UNQUALIFIED, "[{\"value\":\"a\"},{\"value\":\"b\"}]")))
                .satisfies(scimType(ScimType.INVALID_VALUE))
                .hasMessageContaining("single-valued");
        assertThatThrownBy(() -> normalise(op(PatchOp.ADD, UNQUALIFIED, "true")))
                .satisfies(scimType(ScimType.INVALID_VALUE));
    }

    @Test
    void managerSubAttributePathsAndOtherAttributesAreLeftAlone() {
        PatchOperation sub = op(PatchOp.REPLACE, path(ENTERPRISE, "manager.value"), "\"boss@acme.com\"");
        PatchOperation other = op(PatchOp.REPLACE, path("title"), "\"\"");

        assertThat(normalise(sub)).containsExactly(sub);
        assertThat(normalise(other)).containsExactly(other);
    }
}
