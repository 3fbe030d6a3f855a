package com.javelo.scim.core.protocol.patch;

import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.filter.FilterVisitor;

/** Writes paths and filters back in SCIM syntax, so error details quote what the client sent. */
final class PathText implements FilterVisitor<String> {

    private static final PathText INSTANCE = new PathText();

    private PathText() {}

    static String of(PatchPath path) {
        if (path.valueFilter() == null) {
            return path.attribute().toString();
        }
        String base = path.attribute() + "[" + of(path.valueFilter()) + "]";
        return path.subAttribute() == null ? base : base + "." + path.subAttribute();
    }

    static String of(Filter filter) {
        return filter.accept(INSTANCE);
    }

    @Override
    public String visitComparison(Filter.Comparison comparison) {
        return comparison.path() + " " + comparison.operator().wireValue() + " " + comparison.value();
    }

    @Override
    public String visitPresent(Filter.Present present) {
        return present.path() + " pr";
    }

    @Override
    public String visitAnd(Filter.And and) {
        return and.left().accept(this) + " and " + and.right().accept(this);
    }

    @Override
    public String visitOr(Filter.Or or) {
        return "(" + or.left().accept(this) + " or " + or.right().accept(this) + ")";
    }

    @Override
    public String visitNot(Filter.Not not) {
        return "not (" + not.inner().accept(this) + ")";
    }

    @Override
    public String visitValuePath(Filter.ValuePath valuePath) {
        return valuePath.attribute() + "[" + valuePath.valueFilter().accept(this) + "]";
    }
}
