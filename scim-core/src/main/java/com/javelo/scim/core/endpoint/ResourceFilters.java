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
import com.javelo.scim.core.protocol.schema.SchemaDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a list request's filter and sort against the catalogue once, before any store sees them,
 * so that every store (in memory, H2, PostgreSQL) accepts and refuses exactly the same: a filter
 * may name only attributes the catalogue marks filterable ({@link AttributeDefinition#filterable()}),
 * a sort only sortable ones. For users the catalogue includes the company's declared attributes:
 * they are qualified with their URN (an unqualified name only the extension defines is found
 * there), ordering operators apply to ordered types only, and an attribute nobody declared — kept
 * as sent, never interpreted — is {@code invalidFilter} saying so.
 */
final class ResourceFilters {

    private static final Set<AttributeType> ORDERED =
            Set.of(AttributeType.STRING, AttributeType.INTEGER, AttributeType.DECIMAL, AttributeType.DATE_TIME);

    private ResourceFilters() {}

    /** A company's /Users query, checked; its declared attributes travel with it to the store. */
    static ResourceQuery users(ResourceQuery query, CustomSchema schema) {
        ResourceSchema resource = schema.users();
        Filter filter = query.filter() == null ? null : query.filter().accept(new Checker(resource, true));
        AttributePath sort = query.sortBy() == null ? null : sortable(query.sortBy(), resource, true);
        return query.withCustom(filter, sort, schema);
    }

    /** A /Groups query, checked. */
    static ResourceQuery groups(ResourceQuery query) {
        ResourceSchema resource = ResourceSchema.GROUP;
        Filter filter = query.filter() == null ? null : query.filter().accept(new Checker(resource, false));
        AttributePath sort = query.sortBy() == null ? null : sortable(query.sortBy(), resource, false);
        return query.withCustom(filter, sort, CustomSchema.NONE);
    }

    private static AttributePath sortable(AttributePath path, ResourceSchema resource, boolean users) {
        AttributeDefinition definition = resolve(path, resource, users);
        if (!definition.sortable()) {
            throw ScimErrors.invalidValue("cannot sort by '" + path + "'; sortable attributes are "
                    + String.join(", ", names(resource, true)));
        }
        return qualified(path, resource);
    }

    /** @return the definition of a filterable path, or the reason it is refused */
    private static AttributeDefinition filterable(AttributePath path, ResourceSchema resource, boolean users) {
        AttributeDefinition definition = resolve(path, resource, users);
        if (!definition.filterable()) {
            throw ScimErrors.invalidFilter("cannot filter on '" + path + "'; filterable attributes are "
                    + String.join(", ", names(resource, false)));
        }
        return definition;
    }

    private static AttributeDefinition resolve(AttributePath path, ResourceSchema resource, boolean users) {
        if (path.schemaUrn() != null && !resource.isKnownSchemaUrn(path.schemaUrn())) {
            if (users) {
                throw undeclared(path);
            }
            throw ScimErrors.invalidFilter(
                    "unknown schema '" + path.schemaUrn() + "' in filter attribute '" + path + "'");
        }
        Optional<AttributeDefinition> definition = resource.find(path);
        if (definition.isPresent()) {
            return definition.get();
        }
        if (users && resource.find(path.parent()).isEmpty()) {
            throw undeclared(path);
        }
        throw ScimErrors.invalidFilter("cannot filter on '" + path + "'; filterable attributes are "
                + String.join(", ", names(resource, false)));
    }

    /** A declared attribute named alone gets its URN: the store tells the company's attributes by it. */
    private static AttributePath qualified(AttributePath path, ResourceSchema resource) {
        return resource.canonicalPath(path)
                .filter(canonical -> CustomSchema.isUrn(canonical.schemaUrn()))
                .orElse(path);
    }

    private static List<String> names(ResourceSchema resource, boolean sortable) {
        List<String> names = new ArrayList<>();
        for (SchemaDefinition schema : resource.schemas()) {
            String prefix = schema.id().equals(resource.coreSchema().id()) ? "" : schema.id() + ":";
            for (AttributeDefinition attribute : schema.attributes()) {
                if (sortable ? attribute.sortable() : attribute.filterable()) {
                    names.add(prefix + attribute.name());
                }
                for (AttributeDefinition sub : attribute.subAttributes()) {
                    if (sortable ? sub.sortable() : sub.filterable()) {
                        names.add(prefix + attribute.name() + "." + sub.name());
                    }
                }
            }
        }
        return names;
    }

    private static void checkOperator(AttributePath path, AttributeDefinition definition, ComparisonOperator operator) {
        if (!CustomSchema.isUrn(path.schemaUrn())) {
            return; // the RFC's attributes: each store compares them as the evaluator does
        }
        boolean ordering = operator == ComparisonOperator.GT
                || operator == ComparisonOperator.GE
                || operator == ComparisonOperator.LT
                || operator == ComparisonOperator.LE;
        if (ordering && !ORDERED.contains(definition.type())) {
            throw ScimErrors.invalidFilter(
                    "'" + path + "' is declared " + definition.type().wireValue()
                            + "; gt, ge, lt and le apply to string, integer, decimal and dateTime attributes");
        }
        boolean text = operator == ComparisonOperator.CO
                || operator == ComparisonOperator.SW
                || operator == ComparisonOperator.EW;
        if (text && definition.type() != AttributeType.STRING && definition.type() != AttributeType.REFERENCE) {
            throw ScimErrors.invalidFilter("'" + path + "' is declared "
                    + definition.type().wireValue() + "; co, sw and ew apply to string and reference attributes");
        }
    }

    private static RuntimeException undeclared(AttributePath path) {
        return ScimErrors.invalidFilter("cannot filter on '" + path + "': it is not declared. Attributes nobody "
                + "declared are kept as sent but not filterable; a company declares its own under " + CustomSchema.URN
                + " (PUT /admin/v1/tenants/{id}/schema-extension)");
    }

    /** Checks each path and rebuilds the filter with the company's attributes qualified. */
    private record Checker(ResourceSchema resource, boolean users) implements FilterVisitor<Filter> {

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
            filterable(present.path(), resource, users);
            return new Filter.Present(qualified(present.path(), resource));
        }

        @Override
        public Filter visitComparison(Filter.Comparison comparison) {
            AttributeDefinition definition = filterable(comparison.path(), resource, users);
            AttributePath path = qualified(comparison.path(), resource);
            checkOperator(path, definition, comparison.operator());
            return new Filter.Comparison(path, comparison.operator(), comparison.value());
        }

        @Override
        public Filter visitValuePath(Filter.ValuePath valuePath) {
            AttributeDefinition attribute = filterable(valuePath.attribute(), resource, users);
            if (!attribute.isComplex() || !attribute.multiValued()) {
                throw ScimErrors.invalidFilter("'" + valuePath.attribute() + "' is not a multi-valued attribute; "
                        + "a value filter [...] applies to emails or members");
            }
            valuePath.valueFilter().accept(new SubAttributes(valuePath.attribute(), resource, users));
            return valuePath;
        }
    }

    /** Inside {@code emails[...]}: each path names a filterable sub-attribute of the attribute. */
    private record SubAttributes(AttributePath attribute, ResourceSchema resource, boolean users)
            implements FilterVisitor<Void> {

        private void check(AttributePath path) {
            if (path.schemaUrn() != null || path.hasSubAttribute()) {
                throw ScimErrors.invalidFilter("inside " + attribute + "[...] name a sub-attribute such as value "
                        + "or type, not '" + path + "'");
            }
            filterable(
                    new AttributePath(attribute.schemaUrn(), attribute.attribute(), path.attribute()), resource, users);
        }

        @Override
        public Void visitAnd(Filter.And and) {
            and.left().accept(this);
            and.right().accept(this);
            return null;
        }

        @Override
        public Void visitOr(Filter.Or or) {
            or.left().accept(this);
            or.right().accept(this);
            return null;
        }

        @Override
        public Void visitNot(Filter.Not not) {
            not.inner().accept(this);
            return null;
        }

        @Override
        public Void visitPresent(Filter.Present present) {
            check(present.path());
            return null;
        }

        @Override
        public Void visitComparison(Filter.Comparison comparison) {
            check(comparison.path());
            return null;
        }

        @Override
        public Void visitValuePath(Filter.ValuePath valuePath) {
            throw ScimErrors.invalidFilter("value filters [...] do not nest");
        }
    }
}
