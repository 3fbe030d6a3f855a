package com.javelo.scim.core.protocol.patch.quirks;

import com.javelo.scim.core.protocol.patch.PatchOperation;
import com.javelo.scim.core.protocol.schema.AttributeCharacteristics;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every {@link PatchQuirk} over parsed operations, in an order where each sees the previous
 * one's output: dotted keys become paths first, so that the read-only, manager and boolean rules
 * find their attributes whether they came as paths or as keys.
 *
 * <p>This package holds every client quirk of the SCIM protocol, one class each, its Javadoc naming
 * the client and quoting the payload (docs/architecture.md, "IdP quirks"): the operation rewrites
 * run here (Entra: {@link PathlessValueKeysAsPaths}, {@link BooleanStrings}; Entra and Okta:
 * {@link ManagerShapes}; Okta and every echoing IdP: {@link ReadOnlyAttributesDropped}), and the
 * readings of the request as sent (Entra: {@link EntraDefaultDialect}; Microsoft's reference
 * collection: {@link LegacyStringMemberValues}; Okta and Microsoft's collection:
 * {@link MemberDisplays}).
 */
public final class IdpQuirks {

    private static final List<PatchQuirk> IN_ORDER = List.of(
            new PathlessValueKeysAsPaths(), new ReadOnlyAttributesDropped(), new ManagerShapes(), new BooleanStrings());

    private IdpQuirks() {}

    public static List<PatchOperation> normalise(List<PatchOperation> operations, AttributeCharacteristics schema) {
        List<PatchOperation> current = operations;
        for (PatchQuirk quirk : IN_ORDER) {
            List<PatchOperation> next = new ArrayList<>();
            for (PatchOperation operation : current) {
                next.addAll(quirk.normalise(operation, schema));
            }
            current = next;
        }
        return List.copyOf(current);
    }
}
