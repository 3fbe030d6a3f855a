package com.javelo.scim.core.protocol.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.protocol.schema.AttributePath;

/**
 * A parsed SCIM filter (RFC 7644 §3.4.2.2). Filters are parsed once, by {@link FilterParser}; the
 * in-memory adapter evaluates them and the jOOQ adapter translates them to SQL, each through a
 * {@link FilterVisitor}, so that adding a node type breaks every consumer at compile time.
 */
public sealed interface Filter
        permits Filter.Comparison, Filter.Present, Filter.And, Filter.Or, Filter.Not, Filter.ValuePath {

    <R> R accept(FilterVisitor<R> visitor);

    /**
     * {@code attrPath compareOp compValue}. The value is a JSON literal: a string (also for
     * dateTime and reference attributes), a number, a boolean or null.
     */
    record Comparison(AttributePath path, ComparisonOperator operator, JsonNode value) implements Filter {
        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitComparison(this);
        }
    }

    /** {@code attrPath pr}. */
    record Present(AttributePath path) implements Filter {
        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitPresent(this);
        }
    }

    record And(Filter left, Filter right) implements Filter {
        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitAnd(this);
        }
    }

    record Or(Filter left, Filter right) implements Filter {
        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitOr(this);
        }
    }

    record Not(Filter inner) implements Filter {
        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitNot(this);
        }
    }

    /**
     * {@code attrPath "[" valFilter "]"}: true when at least one value of the multi-valued
     * {@code attribute} satisfies {@code valueFilter}, whose paths are relative to that value
     * (e.g. {@code type} inside {@code emails[type eq "work"]}). The form
     * {@code emails[type eq "work"].value eq "x"} is parsed to
     * {@code ValuePath(emails, And(type eq "work", value eq "x"))}.
     */
    record ValuePath(AttributePath attribute, Filter valueFilter) implements Filter {
        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitValuePath(this);
        }
    }
}
