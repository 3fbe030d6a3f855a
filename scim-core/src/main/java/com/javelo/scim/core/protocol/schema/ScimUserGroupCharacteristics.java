package com.javelo.scim.core.protocol.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link AttributeCharacteristics} read from the schema definitions of {@code protocol.schema} — the
 * same ones {@code /Schemas} is generated from, so every attribute fact exists once. Two readings
 * are the server's own: a {@code $ref} is always read-only (the server renders it), and
 * {@code schemas} is a known read-only attribute of every resource.
 *
 * <p>For example: {@code ScimUserGroupCharacteristics.users().isBoolean(AttributePath.of("active"))}.
 */
public final class ScimUserGroupCharacteristics implements AttributeCharacteristics {

    public static final String USER_URN = ScimSchemas.USER_URN;
    public static final String GROUP_URN = ScimSchemas.GROUP_URN;
    public static final String ENTERPRISE_USER_URN = ScimSchemas.ENTERPRISE_USER_URN;

    private static final ScimUserGroupCharacteristics USERS =
            new ScimUserGroupCharacteristics(List.of(ResourceSchema.USER));
    private static final ScimUserGroupCharacteristics GROUPS =
            new ScimUserGroupCharacteristics(List.of(ResourceSchema.GROUP));
    private static final ScimUserGroupCharacteristics USERS_AND_GROUPS =
            new ScimUserGroupCharacteristics(List.of(ResourceSchema.USER, ResourceSchema.GROUP));

    private final List<ResourceSchema> resources;

    private ScimUserGroupCharacteristics(List<ResourceSchema> resources) {
        this.resources = resources;
    }

    /** @return User and EnterpriseUser attributes, for PATCHing users */
    public static ScimUserGroupCharacteristics users() {
        return USERS;
    }

    /** @return User and EnterpriseUser attributes, and the company's declared ones, for PATCHing its users */
    public static ScimUserGroupCharacteristics users(CustomSchema custom) {
        return custom.isEmpty() ? USERS : new ScimUserGroupCharacteristics(List.of(custom.users()));
    }

    /** @return Group attributes, for PATCHing groups */
    public static ScimUserGroupCharacteristics groups() {
        return GROUPS;
    }

    /** @return every attribute of both resource types (they agree where they overlap), for filtering */
    public static ScimUserGroupCharacteristics usersAndGroups() {
        return USERS_AND_GROUPS;
    }

    @Override
    public boolean keepsUnknownAttributes() {
        return resources.size() == 1 && resources.get(0).resourceType().name().equals("User");
    }

    @Override
    public boolean isKnown(AttributePath path) {
        return isSchemas(path) || find(path).isPresent();
    }

    @Override
    public boolean isMultiValued(AttributePath path) {
        return isSchemas(path)
                || find(path).map(AttributeDefinition::multiValued).orElse(false);
    }

    @Override
    public boolean isComplex(AttributePath path) {
        return find(path).map(AttributeDefinition::isComplex).orElse(false);
    }

    @Override
    public boolean isCaseExact(AttributePath path) {
        return isSchemas(path) || find(path).map(AttributeDefinition::caseExact).orElse(false);
    }

    @Override
    public boolean isReadOnly(AttributePath path) {
        String last = path.subAttribute() != null ? path.subAttribute() : path.attribute();
        return isSchemas(path)
                || last.equalsIgnoreCase("$ref")
                || find(path)
                        .map(definition -> definition.mutability() == Mutability.READ_ONLY)
                        .orElse(false);
    }

    @Override
    public boolean isBoolean(AttributePath path) {
        return find(path)
                .map(definition -> definition.type() == AttributeType.BOOLEAN)
                .orElse(false);
    }

    @Override
    public boolean isDateTime(AttributePath path) {
        return find(path)
                .map(definition -> definition.type() == AttributeType.DATE_TIME)
                .orElse(false);
    }

    @Override
    public Optional<String> canonicalName(AttributePath path) {
        if (isSchemas(path)) {
            return Optional.of("schemas");
        }
        return find(path).map(AttributeDefinition::name);
    }

    @Override
    public Optional<String> extensionUrnOf(AttributePath path) {
        for (ResourceSchema resource : resources) {
            Optional<AttributePath> canonical = resource.canonicalPath(path);
            if (canonical.isPresent()) {
                String urn = canonical.get().schemaUrn();
                return resource.isExtensionUrn(urn) ? Optional.of(urn) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean isExtensionUrn(String urn) {
        return resources.stream().anyMatch(resource -> resource.isExtensionUrn(urn));
    }

    @Override
    public boolean isCoreUrn(String urn) {
        return resources.stream()
                .anyMatch(resource -> resource.coreSchema().id().equalsIgnoreCase(urn));
    }

    @Override
    public Optional<String> canonicalUrn(String urn) {
        return resources.stream()
                .flatMap(resource -> resource.schemas().stream())
                .map(SchemaDefinition::id)
                .filter(id -> id.equalsIgnoreCase(urn))
                .findFirst();
    }

    private Optional<AttributeDefinition> find(AttributePath path) {
        for (ResourceSchema resource : resources) {
            Optional<AttributeDefinition> definition = resource.find(path);
            if (definition.isPresent()) {
                return definition;
            }
        }
        return Optional.empty();
    }

    private static boolean isSchemas(AttributePath path) {
        return path.attribute().toLowerCase(Locale.ROOT).equals("schemas") && !path.hasSubAttribute();
    }
}
