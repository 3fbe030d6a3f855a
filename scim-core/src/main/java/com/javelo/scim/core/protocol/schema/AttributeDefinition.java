package com.javelo.scim.core.protocol.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One attribute of a SCIM schema with the characteristics of RFC 7643 §7. Built from
 * {@link #of}/{@link #complex} plus {@code with…} copies, so that a definition reads like the RFC
 * text it comes from. For example:
 *
 * <pre>{@code
 * AttributeDefinition.of("userName", AttributeType.STRING, "Unique identifier for the User…")
 *         .withRequired()
 *         .withUniqueness(Uniqueness.SERVER)
 * }</pre>
 *
 * <p>Absent characteristics are empty lists, never {@code null}, so the discovery documents
 * generated from a definition contain no nulls.
 *
 * <p>{@code filterable} and {@code sortable} are the server's: which attributes a filter may name
 * and a list may be sorted by, the same on every store (checked once, in core).
 *
 * <p>Two characteristics are Javelo's own, not RFC 7643's: {@code maxLength} (a string value's
 * most characters, counted as UTF-16 code units, which is what both databases' columns bound)
 * and {@code maxValues} (a multi-valued attribute's most values). {@link InputLimits} enforces
 * them on every input, and {@link #publishedDescription()} tells clients in {@code /Schemas}.
 */
public record AttributeDefinition(
        String name,
        AttributeType type,
        boolean multiValued,
        String description,
        boolean required,
        List<String> canonicalValues,
        boolean caseExact,
        Mutability mutability,
        Returned returned,
        Uniqueness uniqueness,
        List<String> referenceTypes,
        List<AttributeDefinition> subAttributes,
        OptionalInt maxLength,
        OptionalInt maxValues,
        boolean filterable,
        boolean sortable) {

    public AttributeDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(mutability, "mutability");
        Objects.requireNonNull(returned, "returned");
        Objects.requireNonNull(uniqueness, "uniqueness");
        canonicalValues = List.copyOf(canonicalValues);
        referenceTypes = List.copyOf(referenceTypes);
        subAttributes = List.copyOf(subAttributes);
        Objects.requireNonNull(maxLength, "maxLength");
        Objects.requireNonNull(maxValues, "maxValues");
        if (maxValues.isPresent() && !multiValued) {
            throw new IllegalArgumentException(name + ": only multi-valued attributes have a maximum count");
        }
        if (!subAttributes.isEmpty() && type != AttributeType.COMPLEX) {
            throw new IllegalArgumentException(name + ": only complex attributes have sub-attributes");
        }
    }

    /** @return a single-valued, optional, case-insensitive, readWrite, default, non-unique attribute. */
    public static AttributeDefinition of(String name, AttributeType type, String description) {
        return new AttributeDefinition(
                name,
                type,
                false,
                description,
                false,
                List.of(),
                false,
                Mutability.READ_WRITE,
                Returned.DEFAULT,
                Uniqueness.NONE,
                List.of(),
                List.of(),
                OptionalInt.empty(),
                OptionalInt.empty(),
                false,
                false);
    }

    /** @return a single-valued complex attribute with these sub-attributes, otherwise as {@link #of}. */
    public static AttributeDefinition complex(String name, String description, AttributeDefinition... subAttributes) {
        return of(name, AttributeType.COMPLEX, description).withSubAttributes(List.of(subAttributes));
    }

    public AttributeDefinition withMultiValued() {
        return new AttributeDefinition(
                name,
                type,
                true,
                description,
                required,
                canonicalValues,
                caseExact,
                mutability,
                returned,
                uniqueness,
                referenceTypes,
                subAttributes,
                maxLength,
                maxValues,
                filterable,
                sortable);
    }

    public AttributeDefinition withRequired() {
        return new AttributeDefinition(
                name,
                type,
                multiValued,
                description,
                true,
                canonicalValues,
                caseExact,
                mutability,
                returned,
                uniqueness,
                referenceTypes,
                subAttributes,
                maxLength,
                maxValues,
                filterable,
                sortable);
    }

    public AttributeDefinition withCaseExact() {
        return new AttributeDefinition(
                name,
                type,
                multiValued,
                description,
                required,
                canonicalValues,
                true,
                mutability,
                returned,
                uniqueness,
                referenceTypes,
                subAttributes,
                maxLength,
                maxValues,
                filterable,
                sortable);
    }

    public AttributeDefinition withMutability(Mutability newMutability) {
        return new AttributeDefinition(
                name,
                type,
                multiValued,
                description,
                required,
                canonicalValues,
                caseExact,
                newMutability,
                returned,
                uniqueness,
                referenceTypes,
                subAttributes,
                maxLength,
                maxValues,
                filterable,
                sortable);
    }

    public AttributeDefinition withReturned(Returned newReturned) {
        return new AttributeDefinition(
                name,
                type,
                multiValued,
                description,
                required,
                canonicalValues,
                caseExact,
                mutability,
                newReturned,
                uniqueness,
                referenceTypes,
                subAttributes,
                maxLength,
                maxValues,
                filterable,
                sortable);
    }

    public AttributeDefinition withUniqueness(Uniqueness newUniqueness) {
        return new AttributeDefinition(
                name,
                type,
                multiValued,
                description,
                required,
                canonicalValues,
                caseExact,
                mutability,
                returned,
                newUniqueness,
                referenceTypes,
                subAttributes,
                maxLength,
                maxValues,
                filterable,
                sortable);
    }

    public AttributeDefinition withCanonicalValues(String... values) {
        return new AttributeDefinition(
                name,
                type,
                multiValued,
                description,
                required,
                Arrays.asList(values),
                caseExact,
                mutability,
                returned,
                uniqueness,
                referenceTypes,
                subAttributes,
                maxLength,
                maxValues,
                filterable,
                sortable);
    }

    public AttributeDefinition withReferenceTypes(String... types) {
        return new AttributeDefinition(
                name,
                type,
                multiValued,
                description,
                required,
                canonicalValues,
                caseExact,
                mutability,
                returned,
                uniqueness,
                Arrays.asList(types),
                subAttributes,
                maxLength,
                maxValues,
                filterable,
                sortable);
    }

    public AttributeDefinition withSubAttributes(List<AttributeDefinition> subs) {
        return new AttributeDefinition(
                name,
                type,
                multiValued,
                description,
                required,
                canonicalValues,
                caseExact,
                mutability,
                returned,
                uniqueness,
                referenceTypes,
                subs,
                maxLength,
                maxValues,
                filterable,
                sortable);
    }

    /** @return this attribute with its string values bounded to {@code characters} (a column's size) */
    public AttributeDefinition withMaxLength(int characters) {
        return new AttributeDefinition(
                name,
                type,
                multiValued,
                description,
                required,
                canonicalValues,
                caseExact,
                mutability,
                returned,
                uniqueness,
                referenceTypes,
                subAttributes,
                OptionalInt.of(characters),
                maxValues,
                filterable,
                sortable);
    }

    /** @return this multi-valued attribute with at most {@code count} values */
    public AttributeDefinition withMaxValues(int count) {
        return new AttributeDefinition(
                name,
                type,
                multiValued,
                description,
                required,
                canonicalValues,
                caseExact,
                mutability,
                returned,
                uniqueness,
                referenceTypes,
                subAttributes,
                maxLength,
                OptionalInt.of(count),
                filterable,
                sortable);
    }

    /**
     * @return this attribute as one a filter may name: every store answers it alike (the core
     *     refuses filters on any other before a store sees them)
     */
    public AttributeDefinition withFilterable() {
        return new AttributeDefinition(
                name,
                type,
                multiValued,
                description,
                required,
                canonicalValues,
                caseExact,
                mutability,
                returned,
                uniqueness,
                referenceTypes,
                subAttributes,
                maxLength,
                maxValues,
                true,
                sortable);
    }

    /** @return this attribute as filterable and one a list may be sorted by (single-valued) */
    public AttributeDefinition withSortable() {
        if (multiValued) {
            throw new IllegalArgumentException(name + ": a multi-valued attribute cannot be a sort key");
        }
        return new AttributeDefinition(
                name,
                type,
                multiValued,
                description,
                required,
                canonicalValues,
                caseExact,
                mutability,
                returned,
                uniqueness,
                referenceTypes,
                subAttributes,
                maxLength,
                maxValues,
                true,
                true);
    }

    /** @return the description as {@code /Schemas} serves it: the RFC's text, then Javelo's limits */
    public String publishedDescription() {
        StringBuilder published = new StringBuilder(description);
        maxLength.ifPresent(limit ->
                published.append("  Javelo accepts at most ").append(limit).append(" characters."));
        maxValues.ifPresent(limit ->
                published.append("  Javelo accepts at most ").append(limit).append(" values."));
        return published.toString();
    }

    public boolean isComplex() {
        return type == AttributeType.COMPLEX;
    }

    /** @return the sub-attribute called {@code subName}, compared case-insensitively (RFC 7643 §2.1). */
    public Optional<AttributeDefinition> subAttribute(String subName) {
        for (AttributeDefinition sub : subAttributes) {
            if (sub.name.equalsIgnoreCase(subName)) {
                return Optional.of(sub);
            }
        }
        return Optional.empty();
    }
}
