package com.javelo.scim.core.protocol.patch.quirks;

import static com.javelo.scim.core.protocol.patch.PatchFixtures.eq;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.filtered;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.op;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.javelo.scim.core.protocol.patch.PatchOp;
import com.javelo.scim.core.protocol.patch.PatchOperation;
import com.javelo.scim.core.protocol.schema.ScimUserGroupCharacteristics;
import java.util.List;
import org.junit.jupiter.api.Test;

class BooleanStringsTest {

    private final BooleanStrings quirk = new BooleanStrings();

    private List<PatchOperation> normalise(PatchOperation operation) {
        return quirk.normalise(operation, ScimUserGroupCharacteristics.users());
    }

    @Test
    void entrasDisableSendsFalseAsAString() {
        // {"op":"Replace","path":"active","value":"False"}
        assertThat(normalise(op(PatchOp.REPLACE, path("active"), "\"False\"")))
                .containsExactly(op(PatchOp.REPLACE, path("active"), "false"));
    }

    @Test
    void anyCaseOfTrueAndFalseIsABoolean() {
        assertThat(normalise(op(PatchOp.REPLACE, path("ACTIVE"), "\"TRUE\"")))
                .containsExactly(op(PatchOp.REPLACE, path("ACTIVE"), "true"));
        assertThat(normalise(op(PatchOp.REPLACE, path("active"), "\" false \"")))
                .containsExactly(op(PatchOp.REPLACE, path("active"), "false"));
    }

    @Test
    void booleansInsidePathlessValuesAndMultiValuedValuesAreConverted() {
        PatchOperation pathless = op(
                PatchOp.REPLACE,
                null,
                "{\"active\":\"True\",\"emails\":[{\"value\":\"a@x.com\",\"primary\":\"true\"}],\"nickName\":\"True\"}");

        assertThat(normalise(pathless))
                .containsExactly(
                        op(
                                PatchOp.REPLACE,
                                null,
                                "{\"active\":true,\"emails\":[{\"value\":\"a@x.com\",\"primary\":true}],\"nickName\":\"True\"}"));
    }

    @Test
    void aBooleanSubAttributeAfterAFilterIsConverted() {
        PatchOperation primary = op(PatchOp.ADD, filtered("emails", eq("type", "work"), "primary"), "\"False\"");

        assertThat(normalise(primary))
                .containsExactly(op(PatchOp.ADD, filtered("emails", eq("type", "work"), "primary"), "false"));
    }

    @Test
    void otherStringsAreLeftForThePatcherToRefuse() {
        PatchOperation yes = op(PatchOp.REPLACE, path("active"), "\"yes\"");

        assertThat(normalise(yes)).containsExactly(yes);
    }

    @Test
    void theOneReadingOfBooleansTakesJsonBooleansAndTheStringsInAnyCase() {
        assertThat(BooleanStrings.read(BooleanNode.TRUE)).contains(true);
        assertThat(BooleanStrings.read(TextNode.valueOf("False"))).contains(false);
        assertThat(BooleanStrings.read(TextNode.valueOf(" TRUE "))).contains(true);
        assertThat(BooleanStrings.read(TextNode.valueOf("yes"))).isEmpty();
        assertThat(BooleanStrings.read(IntNode.valueOf(1))).isEmpty();
        assertThat(BooleanStrings.parse("false")).contains(false);
    }
}
