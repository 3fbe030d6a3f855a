package com.javelo.scim.core.protocol.filter;

/** Exhaustive dispatch over {@link Filter} nodes (Java 17 has no pattern-matching switch). */
public interface FilterVisitor<R> {
    R visitComparison(Filter.Comparison comparison);

    R visitPresent(Filter.Present present);

    R visitAnd(Filter.And and);

    R visitOr(Filter.Or or);

    R visitNot(Filter.Not not);

    R visitValuePath(Filter.ValuePath valuePath);
}
