package com.javelo.scim.core.protocol.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.protocol.schema.AttributePath;
import com.javelo.scim.core.protocol.schema.ResourceSchema;

/**
 * A filter of a search across resource types (RFC 7644 §3.4.2, §3.4.3) narrowed to one type:
 * {@code meta.resourceType} comparisons are decided for that type (case-exact, as RFC 7643 §3.1
 * defines the attribute), and a comparison on an attribute the type does not have is false (an
 * absent attribute matches no comparison), so {@code userName sw "a" or displayName sw "Eng"}
 * finds users by either and groups by their displayName. What is left is an ordinary filter of
 * that type for its store, or a constant.
 *
 * <p>For example: {@code narrow(meta.resourceType eq "User" and userName sw "a", GROUP)} matches
 * nothing; for {@code USER} it is {@code userName sw "a"}.
 */
public final class ResourceTypeFilter {

    /** @param filter what is left to ask the store, or {@code null}; meaningful unless {@code matchesNothing} */
    public record Narrowed(Filter filter, boolean matchesNothing) {

        static final Narrowed ALL = new Narrowed(null, false);
        static final Narrowed NONE = new Narrowed(null, true);

        public boolean matchesAll() {
            return filter == null && !matchesNothing;
        }
    }

    private ResourceTypeFilter() {}

    public static Narrowed narrow(Filter filter, ResourceSchema type) {
        return filter == null ? Narrowed.ALL : visit(filter, type);
    }

    private static Narrowed visit(Filter filter, ResourceSchema type) {
        if (filter instanceof Filter.Comparison comparison) {
            if (isResourceType(comparison.path())) {
                return constant(compare(type.resourceType().name(), comparison.operator(), comparison.value()));
            }
            return known(comparison.path(), type) ? new Narrowed(filter, false) : Narrowed.NONE;
        }
        if (filter instanceof Filter.Present present) {
            if (isResourceType(present.path())) {
                return Narrowed.ALL;
            }
            return known(present.path(), type) ? new Narrowed(filter, false) : Narrowed.NONE;
        }
        if (filter instanceof Filter.ValuePath valuePath) {
            return known(valuePath.attribute(), type) ? new Narrowed(filter, false) : Narrowed.NONE;
        }
        if (filter instanceof Filter.Not not) {
            Narrowed inner = visit(not.inner(), type);
            if (inner.matchesNothing()) {
                return Narrowed.ALL;
            }
            return inner.matchesAll() ? Narrowed.NONE : new Narrowed(new Filter.Not(inner.filter()), false);
        }
        if (filter instanceof Filter.And and) {
            Narrowed left = visit(and.left(), type);
            Narrowed right = visit(and.right(), type);
            if (left.matchesNothing() || right.matchesNothing()) {
                return Narrowed.NONE;
            }
            if (left.matchesAll()) {
                return right;
            }
            return right.matchesAll() ? left : new Narrowed(new Filter.And(left.filter(), right.filter()), false);
        }
        Filter.Or or = (Filter.Or) filter;
        Narrowed left = visit(or.left(), type);
        Narrowed right = visit(or.right(), type);
        if (left.matchesAll() || right.matchesAll()) {
            return Narrowed.ALL;
        }
        if (left.matchesNothing()) {
            return right;
        }
        return right.matchesNothing() ? left : new Narrowed(new Filter.Or(left.filter(), right.filter()), false);
    }

    private static boolean isResourceType(AttributePath path) {
        return "meta".equalsIgnoreCase(path.attribute()) && "resourceType".equalsIgnoreCase(path.subAttribute());
    }

    private static boolean known(AttributePath path, ResourceSchema type) {
        return type.find(path).isPresent();
    }

    private static Narrowed constant(boolean value) {
        return value ? Narrowed.ALL : Narrowed.NONE;
    }

    private static boolean compare(String name, ComparisonOperator operator, JsonNode value) {
        if (value == null || !value.isTextual()) {
            return operator == ComparisonOperator.NE;
        }
        String wanted = value.textValue();
        return switch (operator) {
            case EQ -> name.equals(wanted);
            case NE -> !name.equals(wanted);
            case CO -> name.contains(wanted);
            case SW -> name.startsWith(wanted);
            case EW -> name.endsWith(wanted);
            case GT -> name.compareTo(wanted) > 0;
            case GE -> name.compareTo(wanted) >= 0;
            case LT -> name.compareTo(wanted) < 0;
            case LE -> name.compareTo(wanted) <= 0;
        };
    }
}
