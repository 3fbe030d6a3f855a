package com.javelo.scim.core.endpoint;

import com.javelo.scim.core.port.ResourceQuery;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.filter.ComparisonOperator;
import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.filter.FilterVisitor;
import com.javelo.scim.core.protocol.schema.AttributeDefinition;
import com.javelo.scim.core.protocol.schema.AttributePath;
import com.javelo.scim.core.protocol.schema.AttributeType;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.core.protocol.schema.ResourceSchema;
import com.javelo.scim.core.protocol.schema.ScimSchemas;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a /Users filter and sort against the company's catalogue once, before any store sees
 * them, so that every store accepts and refuses the same: a declared attribute is named with its
 * URN (an unqualified name that only the company's extension defines is qualified here), ordering
 * operators apply to ordered types only, and an attribute nobody declared — kept as sent, never
 * interpreted — is {@code invalidFilter} saying so.
 */
final class UserFilters {

    private static final Set<AttributeType> ORDERED = Set.of(AttributeType.STRING, AttributeType.INTEGER,
            AttributeType.DECIMAL, AttributeType.DATE_TIME);

    private UserFilters() {}

    static ResourceQuery checked(ResourceQuery query, CustomSchema schema) {
        Filter filter = query.filter() == null ? null : query.filter().accept(new Qualifier(schema));
        AttributePath sort = query.sortBy() == null ? null : qualify(query.sortBy(), schema, null);
        if (sort != null && CustomSchema.isUrn(sort.schemaUrn())
                && schema.require(sort.attribute()).multiValued()) {
            throw ScimErrors.invalidValue("cannot sort by the multi-valued attribute '" + sort + "'");
        }
        return query.withCustom(filter, sort, schema);
    }

    /** @return {@code path}, URN-qualified when it names a declared attribute */
    private static AttributePath qualify(AttributePath path, CustomSchema schema, ComparisonOperator operator) {
        String urn = path.schemaUrn();
        if (urn == null && !isStandard(path)) {
            Optional<AttributeDefinition> declared = schema.attribute(path.attribute());
            if (declared.isPresent() && !path.hasSubAttribute()) {
                return checkOperator(new AttributePath(CustomSchema.URN, declared.get().name(), null), declared.get(),
                        operator);
            }
            throw undeclared(path);
        }
        if (CustomSchema.isUrn(urn)) {
            Optional<AttributeDefinition> declared = schema.attribute(path.attribute());
            if (declared.isEmpty()) {
                throw undeclared(path);
            }
            if (path.hasSubAttribute()) {
                throw ScimErrors.invalidFilter("'" + path + "' has no sub-attributes");
            }
            return checkOperator(new AttributePath(CustomSchema.URN, declared.get().name(), null), declared.get(),
                    operator);
        }
        if (urn != null && !ResourceSchema.USER.isKnownSchemaUrn(urn)) {
            throw undeclared(path);
        }
        return path;
    }

    private static boolean isStandard(AttributePath path) {
        return path.attribute().equalsIgnoreCase("meta") || ResourceSchema.USER.find(new AttributePath(null,
                path.attribute(), null)).isPresent() || ScimSchemas.USER.attribute(path.attribute()).isPresent();
    }

    private static AttributePath checkOperator(AttributePath path, AttributeDefinition declared,
            ComparisonOperator operator) {
        if (operator == null) {
            return path;
        }
        boolean ordering = operator == ComparisonOperator.GT || operator == ComparisonOperator.GE
                || operator == ComparisonOperator.LT || operator == ComparisonOperator.LE;
        if (ordering && !ORDERED.contains(declared.type())) {
            throw ScimErrors.invalidFilter("'" + path + "' is declared " + declared.type().wireValue()
                    + "; gt, ge, lt and le apply to string, integer, decimal and dateTime attributes");
        }
        boolean text = operator == ComparisonOperator.CO || operator == ComparisonOperator.SW
                || operator == ComparisonOperator.EW;
        if (text && declared.type() != AttributeType.STRING && declared.type() != AttributeType.REFERENCE) {
            throw ScimErrors.invalidFilter("'" + path + "' is declared " + declared.type().wireValue()
                    + "; co, sw and ew apply to string and reference attributes");
        }
        return path;
    }

    private static RuntimeException undeclared(AttributePath path) {
        return ScimErrors.invalidFilter("cannot filter on '" + path + "': it is not declared. Attributes nobody "
                + "declared are kept as sent but not filterable; a company declares its own under " + CustomSchema.URN
                + " (PUT /admin/v1/tenants/{id}/schema-extension)");
    }

    /** Rebuilds the filter with qualified paths. */
    private record Qualifier(CustomSchema schema) implements FilterVisitor<Filter> {

        @Override
        public Filter visitAnd(Filter.And and) {
            return new Filter.And(and.left().accept(this), and.right().accept(this));
        }

        @Override
        public Filter visitOr(Filter.Or or) {
            return new Filter.Or(or.left().accept(this), or.right().accept(this));
        }

        @Override
        public Filter visitNot(Filter.Not not) {
            return new Filter.Not(not.inner().accept(this));
        }

        @Override
        public Filter visitPresent(Filter.Present present) {
            return new Filter.Present(qualify(present.path(), schema, null));
        }

        @Override
        public Filter visitComparison(Filter.Comparison comparison) {
            return new Filter.Comparison(qualify(comparison.path(), schema, comparison.operator()),
                    comparison.operator(), comparison.value());
        }

        @Override
        public Filter visitValuePath(Filter.ValuePath valuePath) {
            AttributePath attribute = qualify(valuePath.attribute(), schema, null);
            if (CustomSchema.isUrn(attribute.schemaUrn())) {
                throw ScimErrors.invalidFilter("'" + attribute + "' has no sub-attributes to filter with [...]");
            }
            return valuePath;
        }
    }
}
