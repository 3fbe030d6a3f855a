package com.javelo.scim.core.protocol.patch.quirks;

import static com.javelo.scim.core.protocol.filter.JsonFixtures.object;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.ENTERPRISE;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.op;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.path;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.scimType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.error.ScimType;
import com.javelo.scim.core.protocol.filter.JsonFixtures;
import com.javelo.scim.core.protocol.patch.JsonPatcher;
import com.javelo.scim.core.protocol.patch.PatchOp;
import com.javelo.scim.core.protocol.patch.PatchOperation;
import com.javelo.scim.core.protocol.patch.PatchRequest;
import com.javelo.scim.core.protocol.schema.ScimUserGroupCharacteristics;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathlessValueKeysAsPathsTest {

    private final PathlessValueKeysAsPaths quirk = new PathlessValueKeysAsPaths();

    private List<PatchOperation> normalise(PatchOperation operation) {
        return quirk.normalise(operation, ScimUserGroupCharacteristics.users());
    }

    @Test
    void entrasCompliantDialectBecomesOneOperationPerKey() {
        PatchOperation recorded =
                PatchRequest.parse(JsonFixtures.json("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[
                  {"op":"replace","value":{"displayName":"Bjfe","name.givenName":"Kkom","name.familyName":"Unua",
                     "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"Aklq"}}]}
                """)).operations().get(0);

        assertThat(normalise(recorded))
                .containsExactly(
                        op(PatchOp.REPLACE, null, "{\"displayName\":\"Bjfe\"}"),
                        op(PatchOp.REPLACE, path("name.givenName"), "\"Kkom\""),
                        op(PatchOp.REPLACE, path("name.familyName"), "\"Unua\""),
                        op(PatchOp.REPLACE, path(ENTERPRISE, "employeeNumber"), "\"Aklq\""));
    }

    @Test
    void theSplitOperationsPatchLikeTheRequestMeant() {
        ObjectNode user = object("{\"userName\":\"u\",\"name\":{\"givenName\":\"Old\",\"formatted\":\"Old One\"}}");
        PatchOperation recorded = op(PatchOp.REPLACE, null, """
                {"displayName":"Bjfe","name.givenName":"Kkom","name.familyName":"Unua",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"Aklq"}""");

        ObjectNode patched = JsonPatcher.apply(user, normalise(recorded), ScimUserGroupCharacteristics.users());

        assertThat(patched).isEqualTo(object("""
                {"userName":"u","name":{"givenName":"Kkom","formatted":"Old One","familyName":"Unua"},
                 "displayName":"Bjfe",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"Aklq"}}"""));
    }

    @Test
    void aDottedUrnKeyAddressesASubAttributeOfTheExtension() {
        assertThat(normalise(op(PatchOp.ADD, null, "{\"" + ENTERPRISE + ":manager.value\":\"boss@acme.com\"}")))
                .containsExactly(op(PatchOp.ADD, path(ENTERPRISE, "manager.value"), "\"boss@acme.com\""));
    }

    @Test
    void plainKeysAndWholeExtensionObjectsAreLeftAlone() {
        PatchOperation rfcStyle = op(
                PatchOp.REPLACE,
                null,
                "{\"active\":false,\"" + ENTERPRISE + "\":{\"department\":\"Sales\"},\"urn:okta:custom:1.0:x\":\"y\"}");

        assertThat(normalise(rfcStyle)).containsExactly(rfcStyle);
    }

    @Test
    void operationsWithAPathAreLeftAlone() {
        PatchOperation withPath = op(PatchOp.REPLACE, path("name"), "{\"givenName\":\"x\"}");

        assertThat(normalise(withPath)).containsExactly(withPath);
    }

    @Test
    void aKeyThatIsNoPathIsAnInvalidPath() {
        assertThatThrownBy(() -> normalise(op(PatchOp.REPLACE, null, "{\"name.\":\"x\"}")))
                .satisfies(scimType(ScimType.INVALID_PATH))
                .hasMessageContaining("'name.'");
    }
}
