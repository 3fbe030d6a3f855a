package com.javelo.scim.core.protocol.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that describes one resource type: its core schema and its extensions. This is where
 * attribute paths are resolved, once, for filters, PATCH paths, sorting and projection: names are
 * case-insensitive (RFC 7643 §2.1), a path may carry its schema URN or not, and an unqualified name
 * is looked up in the core schema first, then in each extension in order.
 *
 * <p>For example, with {@link #USER}:
 *
 * <pre>{@code
 * USER.find(AttributePath.of("USERNAME"))                 // userName
 * USER.find(AttributePath.of("name", "GIVENNAME"))        // name.givenName
 * USER.find(AttributePath.of("department"))               // enterprise department
 * USER.canonicalName(new AttributePath(
 *         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user", "MANAGER", "value"))
 *         // "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value"
 * }</pre>
 */
public final class ResourceSchema {

    public static final ResourceSchema USER =
            new ResourceSchema(ScimResourceTypes.USER, ScimSchemas.USER, List.of(ScimSchemas.ENTERPRISE_USER));
    public static final ResourceSchema GROUP =
            new ResourceSchema(ScimResourceTypes.GROUP, ScimSchemas.GROUP, List.of());

    private final ResourceTypeDefinition resourceType;
    private final SchemaDefinition core;
    private final List<SchemaDefinition> extensions;
    private final List<SchemaDefinition> schemas;

    /**
     * @throws IllegalArgumentException when the schemas are not the ones {@code resourceType} names
     */
    public ResourceSchema(
            ResourceTypeDefinition resourceType, SchemaDefinition core, List<SchemaDefinition> extensions) {
        this.resourceType = Objects.requireNonNull(resourceType, "resourceType");
        this.core = Objects.requireNonNull(core, "core");
        this.extensions = List.copyOf(extensions);
        List<SchemaDefinition> all = new ArrayList<>();
        all.add(core);
        all.addAll(this.extensions);
        this.schemas = List.copyOf(all);
        if (!resourceType.schema().equals(core.id())) {
            throw new IllegalArgumentException(
                    resourceType.name() + " is described by " + resourceType.schema() + ", not " + core.id());
        }
        List<String> declared = resourceType.schemaExtensions().stream()
                .map(ResourceTypeDefinition.SchemaExtension::urn)
                .toList();
        if (!declared.equals(extensionUrns())) {
            throw new IllegalArgumentException(
                    resourceType.name() + " declares extensions " + declared + ", given " + extensionUrns());
        }
    }

    public ResourceTypeDefinition resourceType() {
        return resourceType;
    }

    public SchemaDefinition coreSchema() {
        return core;
    }

    public List<SchemaDefinition> extensions() {
        return extensions;
    }

    /** @return the core schema followed by the extensions. */
    public List<SchemaDefinition> schemas() {
        return schemas;
    }

    public List<String> extensionUrns() {
        return extensions.stream().map(SchemaDefinition::id).toList();
    }

    /** @return the core or extension schema with this URN, compared case-insensitively. */
    public Optional<SchemaDefinition> schema(String urn) {
        // A loop, not a stream: projection asks this for every attribute of every resource it writes.
        for (SchemaDefinition schema : schemas) {
            if (schema.id().equalsIgnoreCase(urn)) {
                return Optional.of(schema);
            }
        }
        return Optional.empty();
    }

    /**
     * @return whether {@code urn} is this resource type's core schema or one of its extensions.
     *     Clients also send URNs we do not know (Entra adds a Microsoft Group URN); callers accept
     *     and ignore those.
     */
    public boolean isKnownSchemaUrn(String urn) {
        return urn != null && schema(urn).isPresent();
    }

    public boolean isExtensionUrn(String urn) {
        if (urn == null) {
            return false;
        }
        for (SchemaDefinition extension : extensions) {
            if (extension.id().equalsIgnoreCase(urn)) {
                return true;
            }
        }
        return false;
    }

    /** @return the definition of the attribute or sub-attribute {@code path} names, if this resource has it. */
    public Optional<AttributeDefinition> find(AttributePath path) {
        return resolve(path).map(Resolved::definition);
    }

    /**
     * @return {@code path} with the owning schema's URN and every name spelt as the schema spells
     *     it, e.g. {@code urn:…:core:2.0:User:name.givenName} for {@code NAME.GIVENNAME}
     */
    public Optional<AttributePath> canonicalPath(AttributePath path) {
        return resolve(path)
                .map(resolved -> new AttributePath(
                        resolved.schema().id(),
                        resolved.attribute().name(),
                        resolved.subAttribute() == null
                                ? null
                                : resolved.subAttribute().name()));
    }

    /**
     * @return the name as a resource writes it: {@code name.givenName} for a core attribute, the
     *     URN-qualified {@code urn:…:enterprise:2.0:User:manager.value} for an extension one
     */
    public Optional<String> canonicalName(AttributePath path) {
        return canonicalPath(path)
                .map(canonical -> canonical.schemaUrn().equals(core.id())
                        ? new AttributePath(null, canonical.attribute(), canonical.subAttribute()).toString()
                        : canonical.toString());
    }

    /** @return whether values compare case-sensitively; {@code false} for an attribute not defined here. */
    public boolean isCaseExact(AttributePath path) {
        return find(path).map(AttributeDefinition::caseExact).orElse(false);
    }

    /** @return whether the attribute holds a list; {@code false} for an attribute not defined here. */
    public boolean isMultiValued(AttributePath path) {
        return find(path).map(AttributeDefinition::multiValued).orElse(false);
    }

    /** @return when the attribute is returned; {@link Returned#DEFAULT} for an attribute not defined here. */
    public Returned returned(AttributePath path) {
        return find(path).map(AttributeDefinition::returned).orElse(Returned.DEFAULT);
    }

    /**
     * @return the attribute's own mutability; {@link Mutability#READ_WRITE} for an attribute not
     *     defined here, so use {@link #find} first where unknown attributes must be refused or ignored
     */
    public Mutability mutability(AttributePath path) {
        return find(path).map(AttributeDefinition::mutability).orElse(Mutability.READ_WRITE);
    }

    private Optional<Resolved> resolve(AttributePath path) {
        Objects.requireNonNull(path, "path");
        if (path.schemaUrn() != null) {
            return schema(path.schemaUrn()).flatMap(schema -> resolveIn(schema, path));
        }
        for (SchemaDefinition schema : schemas()) {
            Optional<Resolved> resolved = resolveIn(schema, path);
            if (resolved.isPresent()) {
                return resolved;
            }
        }
        return Optional.empty();
    }

    private static Optional<Resolved> resolveIn(SchemaDefinition schema, AttributePath path) {
        return schema.attribute(path.attribute()).flatMap(attribute -> {
            if (!path.hasSubAttribute()) {
                return Optional.of(new Resolved(schema, attribute, null));
            }
            return attribute.subAttribute(path.subAttribute()).map(sub -> new Resolved(schema, attribute, sub));
        });
    }

    @Override
    public String toString() {
        return "ResourceSchema[" + resourceType.name() + "]";
    }

    private record Resolved(SchemaDefinition schema, AttributeDefinition attribute, AttributeDefinition subAttribute) {

        AttributeDefinition definition() {
            return subAttribute == null ? attribute : subAttribute;
        }
    }
}
