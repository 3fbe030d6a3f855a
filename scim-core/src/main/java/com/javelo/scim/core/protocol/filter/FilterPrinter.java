package com.javelo.scim.core.protocol.filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes a {@link Filter} back in canonical SCIM syntax, for error details, logs and tests:
 * lower-case keywords and operators, values as JSON literals (an unquoted value read leniently
 * comes back quoted), and only the parentheses the tree needs. Parsing the result gives back an
 * equal tree: {@code FilterParser.parse(FilterPrinter.print(f)).equals(f)}.
 *
 * <p>For example, {@code userName Eq john or (a pr AND not(b pr))} prints as
 * {@code userName eq "john" or a pr and not (b pr)}.
 */
public final class FilterPrinter implements FilterVisitor<String> {

    private static final FilterPrinter INSTANCE = new FilterPrinter();

    private static final int OR = 1;
    private static final int AND = 2;
    private static final int UNARY = 3;

    private FilterPrinter() {}

    public static String print(Filter filter) {
        return filter.accept(INSTANCE);
    }

    @Override
    public String visitComparison(Filter.Comparison comparison) {
        return comparison.path() + " " + comparison.operator().wireValue() + " " + literal(comparison.value());
    }

    @Override
    public String visitPresent(Filter.Present present) {
        return present.path() + " pr";
    }

    // And and Or are left-associative: a right operand of the same kind keeps its parentheses so
    // that re-parsing rebuilds the same tree.
    @Override
    public String visitAnd(Filter.And and) {
        return operand(and.left(), AND) + " and " + operand(and.right(), UNARY);
    }

    @Override
    public String visitOr(Filter.Or or) {
        return operand(or.left(), OR) + " or " + operand(or.right(), AND);
    }

    @Override
    public String visitNot(Filter.Not not) {
        return "not (" + not.inner().accept(this) + ")";
    }

    @Override
    public String visitValuePath(Filter.ValuePath valuePath) {
        return valuePath.attribute() + "[" + valuePath.valueFilter().accept(this) + "]";
    }

    private String operand(Filter operand, int lowestWithoutParentheses) {
        String text = operand.accept(this);
        return precedence(operand) < lowestWithoutParentheses ? "(" + text + ")" : text;
    }

    private static int precedence(Filter filter) {
        if (filter instanceof Filter.Or) {
            return OR;
        }
        return filter instanceof Filter.And ? AND : UNARY;
    }

    private static String literal(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return quoted(value.textValue());
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        return value.toString();
    }

    /** A JSON string literal (RFC 8259 §7). */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"').toString();
    }
}
