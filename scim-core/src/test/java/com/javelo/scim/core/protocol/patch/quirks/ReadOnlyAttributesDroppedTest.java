package com.javelo.scim.core.protocol.patch.quirks;

import static com.javelo.scim.core.protocol.filter.JsonFixtures.json;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.ENTERPRISE;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.op;
import static com.javelo.scim.core.protocol.patch.PatchFixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.core.protocol.patch.PatchOp;
import com.javelo.scim.core.protocol.patch.PatchOperation;
import com.javelo.scim.core.protocol.patch.PatchRequest;
import com.javelo.scim.core.protocol.schema.AttributeCharacteristics;
import com.javelo.scim.core.protocol.schema.ScimUserGroupCharacteristics;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadOnlyAttributesDroppedTest {

    private final ReadOnlyAttributesDropped quirk = new ReadOnlyAttributesDropped();

    private List<PatchOperation> normalise(PatchOperation operation, AttributeCharacteristics schema) {
        return quirk.normalise(operation, schema);
    }

    @Test
    void oktasGroupRenameLosesTheIdInItsValue() {
        PatchOperation recorded = PatchRequest.parse(json("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","value":{"id":"abf4dd94-a4c0-4f67-89c9-76b03340cb9b","displayName":"New Name"}}]}
                """)).operations().get(0);

        assertThat(normalise(recorded, ScimUserGroupCharacteristics.groups()))
                .containsExactly(op(PatchOp.REPLACE, null, "{\"displayName\":\"New Name\"}"));
    }

    @Test
    void echoedMetaGroupsAndSchemasAreDroppedAndAnEmptyOperationDisappears() {
        PatchOperation echoed = op(
                PatchOp.REPLACE,
                null,
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"groups\":[],"
                        + "\"meta\":{\"version\":\"v1.0\"},\"id\":\"23a35c27\"}");

        assertThat(normalise(echoed, ScimUserGroupCharacteristics.users())).isEmpty();
    }

    @Test
    void memberDisplayAndRefAreDroppedFromValues() {
        PatchOperation add = op(
                PatchOp.ADD,
                path("members"),
                "[{\"value\":\"23a35c27\",\"display\":\"test.user@okta.local\"},{\"$ref\":null,\"value\":\"f648f8d5\"}]");

        assertThat(normalise(add, ScimUserGroupCharacteristics.groups()))
                .containsExactly(
                        op(PatchOp.ADD, path("members"), "[{\"value\":\"23a35c27\"},{\"value\":\"f648f8d5\"}]"));
    }

    @Test
    void theManagersDisplayNameIsDroppedInsideTheExtension() {
        PatchOperation replace = op(
                PatchOp.REPLACE,
                null,
                "{\"" + ENTERPRISE + "\":{\"manager\":{\"value\":\"boss@acme.com\",\"displayName\":\"The Boss\"}}}");

        assertThat(normalise(replace, ScimUserGroupCharacteristics.users()))
                .containsExactly(op(
                        PatchOp.REPLACE, null, "{\"" + ENTERPRISE + "\":{\"manager\":{\"value\":\"boss@acme.com\"}}}"));
    }

    @Test
    void operationsOnReadOnlyPathsAreDropped() {
        AttributeCharacteristics users = ScimUserGroupCharacteristics.users();

        assertThat(normalise(op(PatchOp.REPLACE, path("id"), "\"other\""), users))
                .isEmpty();
        assertThat(normalise(op(PatchOp.REMOVE, path("meta.lastModified"), (String) null), users))
                .isEmpty();
        assertThat(normalise(op(PatchOp.ADD, path(ENTERPRISE, "manager.displayName"), "\"x\""), users))
                .isEmpty();
    }

    @Test
    void writableOperationsPassUnchanged() {
        PatchOperation rename = op(PatchOp.REPLACE, path("displayName"), "\"x\"");

        assertThat(normalise(rename, ScimUserGroupCharacteristics.groups())).containsExactly(rename);
    }
}
