package com.javelo.scim.core.protocol.patch.quirks;

import com.javelo.scim.core.protocol.schema.AttributeCharacteristics;
import com.javelo.scim.core.protocol.patch.PatchOperation;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every {@link PatchQuirk} over parsed operations, in an order where each sees the previous
 * one's output: dotted keys become paths first, so that the read-only, manager and boolean rules
 * find their attributes whether they came as paths or as keys.
 */
public final class IdpQuirks {

    private static final List<PatchQuirk> IN_ORDER = List.of(
            new PathlessValueKeysAsPaths(),
            new ReadOnlyIdInValue(),
            new ManagerShapes(),
            new BooleanStrings());

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
