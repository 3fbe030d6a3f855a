package com.javelo.scim.core.protocol.patch.quirks;

import com.javelo.scim.core.protocol.patch.PatchOperation;
import com.javelo.scim.core.protocol.schema.AttributeCharacteristics;
import java.util.List;

/**
 * Rewrites one PATCH operation as an IdP sends it into the RFC 7644 form the patcher applies. Each
 * implementation handles one recorded client behaviour, quoted in its Javadoc (docs/clients.md).
 */
public interface PatchQuirk {

    /** @return the operations replacing {@code operation}: itself when it doesn't apply, none to drop it */
    List<PatchOperation> normalise(PatchOperation operation, AttributeCharacteristics schema);
}
