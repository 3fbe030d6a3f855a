package com.javelo.scim.core.protocol.schema;

import com.javelo.scim.core.protocol.schema.ResourceTypeDefinition.SchemaExtension;
import java.util.List;

/** The resource types Javelo serves (RFC 7643 §6), as {@code /ResourceTypes} describes them. */
public final class ScimResourceTypes {

    /** Users at {@code /Users}; the Enterprise User extension is optional. */
    public static final ResourceTypeDefinition USER = new ResourceTypeDefinition(
            "User",
            "User",
            "/Users",
            "User Account",
            ScimSchemas.USER_URN,
            List.of(new SchemaExtension(ScimSchemas.ENTERPRISE_USER_URN, false)));

    /** Groups at {@code /Groups}, without extensions. */
    public static final ResourceTypeDefinition GROUP =
            new ResourceTypeDefinition("Group", "Group", "/Groups", "Group", ScimSchemas.GROUP_URN, List.of());

    private ScimResourceTypes() {}

    public static List<ResourceTypeDefinition> all() {
        return List.of(USER, GROUP);
    }
}
