package com.javelo.scim.core.protocol.schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One company's declaration of Javelo's own user extension,
 * {@value #URN}: the attributes it maps from its identity provider (hire date, level, site…),
 * each an {@link AttributeDefinition} like the RFC's, and whether an attribute nobody declared is
 * refused ({@code strict}) or kept as sent.
 *
 * <p>The declaration joins the catalogue: {@link #users()} is the User resource with this
 * extension, from which {@code /Schemas}, PATCH paths, projection and filter checks are read, as
 * for every other attribute.
 */
public final class CustomSchema {

    public static final String URN = "urn:ietf:params:scim:schemas:extension:javelo:2.0:User";

    /** The types a company may declare (RFC 7643 §2.3, without complex and binary). */
    public static final Set<AttributeType> DECLARABLE_TYPES = Set.of(
            AttributeType.STRING,
            AttributeType.BOOLEAN,
            AttributeType.INTEGER,
            AttributeType.DECIMAL,
            AttributeType.DATE_TIME,
            AttributeType.REFERENCE);

    /** RFC 7643 §2.1: {@code ATTRNAME = ALPHA *(nameChar)}, {@code nameChar = "-" / "_" / DIGIT / ALPHA}. */
    private static final Pattern ATTRNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    /** Longest declared name: the values table's column. */
    public static final int MAX_NAME_LENGTH = 128;

    /** Most attributes one company may declare. */
    public static final int MAX_ATTRIBUTES = 100;

    /** Longest string value of a custom attribute. */
    public static final int MAX_VALUE_LENGTH = 1024;

    public static final CustomSchema NONE = new CustomSchema(List.of(), false);

    private final List<AttributeDefinition> attributes;
    private final boolean strict;

    /**
     * The User resource with this extension, built at its first use: a class, not a record, for
     * this one field, since each request of the company reads it (building it took 0.7 % of a
     * look-up's CPU, docs/benchmarks.md).
     */
    private volatile ResourceSchema users;

    public CustomSchema(List<AttributeDefinition> attributes, boolean strict) {
        attributes = List.copyOf(attributes);
        this.attributes = attributes;
        this.strict = strict;
        Set<String> names = new java.util.HashSet<>();
        for (AttributeDefinition attribute : attributes) {
            if (!DECLARABLE_TYPES.contains(attribute.type())) {
                throw new IllegalArgumentException(attribute.name() + ": type " + attribute.type() + " not declarable");
            }
            if (!names.add(attribute.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(attribute.name() + " declared twice");
            }
        }
    }

    public List<AttributeDefinition> attributes() {
        return attributes;
    }

    public boolean strict() {
        return strict;
    }

    public boolean isEmpty() {
        return attributes.isEmpty();
    }

    /** @return the declared attribute called {@code name}, ignoring case */
    public Optional<AttributeDefinition> attribute(String name) {
        for (AttributeDefinition attribute : attributes) {
            if (attribute.name().equalsIgnoreCase(name)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }

    public boolean declares(String name) {
        return attribute(name).isPresent();
    }

    /** @return the extension's schema document's definition */
    public SchemaDefinition definition() {
        return new SchemaDefinition(
                URN,
                "JaveloUser",
                "Attributes this company declared for its people, beyond the core and enterprise schemas",
                attributes);
    }

    /**
     * @return the User resource as this company sees it: core, enterprise, and this extension when
     *     it declares anything
     */
    public ResourceSchema users() {
        ResourceSchema built = users;
        if (built == null) {
            built = buildUsers(); // two threads may both build it: the same value
            users = built;
        }
        return built;
    }

    private ResourceSchema buildUsers() {
        if (attributes.isEmpty()) {
            return ResourceSchema.USER;
        }
        ResourceTypeDefinition standard = ScimResourceTypes.USER;
        List<ResourceTypeDefinition.SchemaExtension> extensions = new ArrayList<>(standard.schemaExtensions());
        extensions.add(new ResourceTypeDefinition.SchemaExtension(URN, false));
        ResourceTypeDefinition type = new ResourceTypeDefinition(
                standard.id(),
                standard.name(),
                standard.endpoint(),
                standard.description(),
                standard.schema(),
                extensions);
        List<SchemaDefinition> schemas = new ArrayList<>(ResourceSchema.USER.extensions());
        schemas.add(definition());
        return new ResourceSchema(type, ResourceSchema.USER.coreSchema(), schemas);
    }

    /** @return whether {@code urn} is this extension's URN, ignoring case */
    public static boolean isUrn(String urn) {
        return urn != null && urn.equalsIgnoreCase(URN);
    }

    /** @return whether {@code name} is a valid attribute name (RFC 7643 §2.1) */
    public static boolean isAttributeName(String name) {
        return name != null && ATTRNAME.matcher(name).matches();
    }

    /**
     * The one rule of what a declared type accepts, for input and for a declaration's type change:
     * {@code text} is a value in its canonical text form.
     *
     * @return whether {@code text} is a value of {@code type}
     */
    public static boolean accepts(AttributeType type, String text) {
        Objects.requireNonNull(text, "text");
        switch (type) {
            case BOOLEAN:
                return text.equals("true") || text.equals("false");
            case INTEGER:
                return decimal(text)
                        .map(number -> number.stripTrailingZeros().scale() <= 0)
                        .orElse(false);
            case DECIMAL:
                return decimal(text).isPresent();
            case DATE_TIME:
                return dateTime(text).isPresent();
            default:
                return text.length() <= MAX_VALUE_LENGTH;
        }
    }

    /** @return {@code text} as a number, if it is one (a decimal or integer value) of at most 40 integer digits */
    public static Optional<BigDecimal> decimal(String text) {
        if (text.isEmpty() || text.length() > 64) {
            return Optional.empty();
        }
        try {
            BigDecimal number = new BigDecimal(text);
            // What the values table's NUMERIC(60, 20) holds: 40 digits before the point.
            return number.precision() - number.scale() > 40 ? Optional.empty() : Optional.of(number);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** @return {@code text} as an instant with its offset, if it is an xsd:dateTime with one */
    public static Optional<OffsetDateTime> dateTime(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CustomSchema schema && schema.strict == strict && schema.attributes.equals(attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(attributes, strict);
    }

    @Override
    public String toString() {
        return "CustomSchema[attributes=" + attributes + ", strict=" + strict + "]";
    }
}
