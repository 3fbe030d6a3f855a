package com.javelo.scim.core.protocol.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.core.protocol.schema.AttributePath;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses SCIM filter strings (RFC 7644 §3.4.2.2) into a {@link Filter} tree, by recursive descent:
 *
 * <pre>
 * filter     = orExpr
 * orExpr     = andExpr *("or" andExpr)
 * andExpr    = unary *("and" unary)
 * unary      = "not" "(" filter ")" / "(" filter ")" / attrExpr / valuePath
 * attrExpr   = attrPath "pr" / attrPath compareOp compValue
 * valuePath  = attrPath "[" filter "]" ["." subAttr (compareOp compValue / "pr")]
 * </pre>
 *
 * Operators and keywords are case-insensitive. Leniency that Entra's older clients and
 * Microsoft's validator need: unquoted values ({@code userName sw O},
 * {@code meta.Created gt 2015-10-10T14:38:21.8617979-07:00}) are read as strings.
 *
 * <p>For example: {@code FilterParser.parse("emails[type eq \"work\"].value eq \"a@b.c\"")}.
 */
public final class FilterParser {

    /** Longer filters are refused outright: no IdP sends anything near this. */
    public static final int MAX_LENGTH = 10_000;
    /** Deeper nesting is refused, so hostile input cannot exhaust the stack. */
    public static final int MAX_DEPTH = 50;

    private final String text;
    private int position;
    private int depth;

    private FilterParser(String text) {
        this.text = text;
    }

    /** @throws ScimException {@code invalidFilter} saying what was expected where */
    public static Filter parse(String filter) {
        if (filter == null || filter.isBlank()) {
            throw ScimErrors.invalidFilter("the filter is empty");
        }
        if (filter.length() > MAX_LENGTH) {
            throw ScimErrors.invalidFilter("the filter is longer than " + MAX_LENGTH + " characters");
        }
        FilterParser parser = new FilterParser(filter);
        Filter parsed = parser.orExpression();
        parser.skipSpaces();
        if (!parser.atEnd()) {
            throw parser.error("unexpected '" + parser.rest() + "'");
        }
        return parsed;
    }

    /** Parses a value filter as it stands inside brackets, for PATCH paths. */
    static Filter parseFragment(String fragment, String whole, int offset) {
        FilterParser parser = new FilterParser(fragment);
        try {
            Filter parsed = parser.orExpression();
            parser.skipSpaces();
            if (!parser.atEnd()) {
                throw parser.error("unexpected '" + parser.rest() + "'");
            }
            return parsed;
        } catch (ScimException e) {
            throw ScimErrors.invalidPath("invalid value filter in path '" + whole + "': " + e.error().detail());
        }
    }

    private Filter orExpression() {
        Filter left = andExpression();
        while (keyword("or")) {
            left = new Filter.Or(left, andExpression());
        }
        return left;
    }

    private Filter andExpression() {
        Filter left = unary();
        while (keyword("and")) {
            left = new Filter.And(left, unary());
        }
        return left;
    }

    private Filter unary() {
        skipSpaces();
        if (++depth > MAX_DEPTH) {
            throw error("the filter nests deeper than " + MAX_DEPTH + " levels");
        }
        try {
            if (keyword("not")) {
                skipSpaces();
                expect('(', "'(' after 'not'");
                Filter inner = orExpression();
                expectClosing(')');
                return new Filter.Not(inner);
            }
            if (peek() == '(') {
                position++;
                Filter inner = orExpression();
                expectClosing(')');
                return inner;
            }
            return attributeExpression();
        } finally {
            depth--;
        }
    }

    private Filter attributeExpression() {
        int start = position;
        AttributePath path = attributePath();
        if (peek() == '[') {
            if (path.hasSubAttribute()) {
                throw errorAt(start, "a value filter '[' must follow a multi-valued attribute, not a sub-attribute");
            }
            position++;
            Filter valueFilter = orExpression();
            expectClosing(']');
            if (peek() == '.') {
                position++;
                String sub = name("a sub-attribute name after '].'");
                Filter tail = comparisonOrPresent(AttributePath.of(sub));
                return new Filter.ValuePath(path, new Filter.And(valueFilter, tail));
            }
            return new Filter.ValuePath(path, valueFilter);
        }
        return comparisonOrPresent(path);
    }

    private Filter comparisonOrPresent(AttributePath path) {
        skipSpaces();
        int operatorStart = position;
        String word = word();
        if (word.isEmpty()) {
            throw errorAt(operatorStart, "expected a comparison operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr) after '"
                    + path + "'");
        }
        if (word.equalsIgnoreCase("pr")) {
            return new Filter.Present(path);
        }
        Optional<ComparisonOperator> operator = ComparisonOperator.fromWire(word);
        if (operator.isEmpty()) {
            throw errorAt(operatorStart, "'" + word + "' is not a comparison operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr)");
        }
        return new Filter.Comparison(path, operator.get(), value(path, operator.get()));
    }

    private JsonNode value(AttributePath path, ComparisonOperator operator) {
        skipSpaces();
        if (atEnd()) {
            throw error("expected a value after '" + path + " " + operator.wireValue() + "'");
        }
        if (peek() == '"') {
            return TextNode.valueOf(quotedString());
        }
        int start = position;
        while (!atEnd() && !Character.isWhitespace(peek()) && peek() != ')' && peek() != ']') {
            position++;
        }
        String bare = text.substring(start, position);
        if (bare.isEmpty()) {
            throw errorAt(start, "expected a value after '" + path + " " + operator.wireValue() + "'");
        }
        switch (bare.toLowerCase(Locale.ROOT)) {
            case "true":
                return BooleanNode.TRUE;
            case "false":
                return BooleanNode.FALSE;
            case "null":
                return NullNode.instance;
            default:
                return number(bare).orElseGet(() -> TextNode.valueOf(bare));
        }
    }

    private static Optional<JsonNode> number(String bare) {
        if (!bare.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            return Optional.empty();
        }
        BigDecimal decimal = new BigDecimal(bare);
        try {
            return Optional.of(LongNode.valueOf(decimal.longValueExact()));
        } catch (ArithmeticException notAnInteger) {
            return Optional.of(DecimalNode.valueOf(decimal));
        }
    }

    private String quotedString() {
        int start = position;
        position++;
        StringBuilder value = new StringBuilder();
        while (!atEnd()) {
            char c = text.charAt(position++);
            if (c == '"') {
                return value.toString();
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (atEnd()) {
                break;
            }
            char escaped = text.charAt(position++);
            switch (escaped) {
                case '"': case '\\': case '/':
                    value.append(escaped);
                    break;
                case 'b':
                    value.append('\b');
                    break;
                case 'f':
                    value.append('\f');
                    break;
                case 'n':
                    value.append('\n');
                    break;
                case 'r':
                    value.append('\r');
                    break;
                case 't':
                    value.append('\t');
                    break;
                case 'u':
                    if (position + 4 > text.length() || !text.substring(position, position + 4).matches("[0-9a-fA-F]{4}")) {
                        throw errorAt(position - 2, "'\\u' must be followed by four hexadecimal digits");
                    }
                    value.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                    position += 4;
                    break;
                default:
                    throw errorAt(position - 2, "unknown escape '\\" + escaped + "' in a string");
            }
        }
        throw errorAt(start, "the string starting here is not closed with '\"'");
    }

    /** {@code [URN ":"] attrName ["." subAttr]}; a URN runs up to the last ':' before the name. */
    AttributePath attributePath() {
        skipSpaces();
        int start = position;
        while (!atEnd() && isPathChar(peek())) {
            position++;
        }
        String raw = text.substring(start, position);
        if (raw.isEmpty()) {
            throw errorAt(start, atEnd() ? "expected an attribute name, found the end of the filter"
                    : "expected an attribute name, found '" + peek() + "'");
        }
        return toPath(raw, start);
    }

    private AttributePath toPath(String raw, int start) {
        String urn = null;
        String rest = raw;
        if (raw.regionMatches(true, 0, "urn:", 0, 4)) {
            int lastColon = raw.lastIndexOf(':');
            urn = raw.substring(0, lastColon);
            rest = raw.substring(lastColon + 1);
        }
        int dot = rest.indexOf('.');
        String attribute = dot < 0 ? rest : rest.substring(0, dot);
        String sub = dot < 0 ? null : rest.substring(dot + 1);
        if (!isName(attribute) || (sub != null && !isName(sub))) {
            throw errorAt(start, "'" + raw + "' is not an attribute path (name, name.subName or urn:…:name)");
        }
        return new AttributePath(urn, attribute, sub);
    }

    private static boolean isName(String name) {
        return name.matches("\\$?[A-Za-z][A-Za-z0-9_$-]*") || name.equals("$ref");
    }

    private static boolean isPathChar(char c) {
        return Character.isLetterOrDigit(c) || c == ':' || c == '.' || c == '_' || c == '-' || c == '$';
    }

    private String name(String expected) {
        int start = position;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '$' || peek() == '-')) {
            position++;
        }
        if (start == position) {
            throw errorAt(start, "expected " + expected);
        }
        return text.substring(start, position);
    }

    private boolean keyword(String keyword) {
        skipSpaces();
        int end = position + keyword.length();
        if (end <= text.length() && text.regionMatches(true, position, keyword, 0, keyword.length())
                && (end == text.length() || Character.isWhitespace(text.charAt(end)) || text.charAt(end) == '(')) {
            position = end;
            return true;
        }
        return false;
    }

    private String word() {
        int start = position;
        while (!atEnd() && Character.isLetter(peek())) {
            position++;
        }
        return text.substring(start, position);
    }

    private void expect(char c, String what) {
        if (peek() != c) {
            throw error("expected " + what);
        }
        position++;
    }

    private void expectClosing(char c) {
        skipSpaces();
        if (peek() != c) {
            throw error(atEnd() ? "expected '" + c + "' before the end of the filter" : "expected '" + c + "'");
        }
        position++;
    }

    private void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            position++;
        }
    }

    private char peek() {
        return atEnd() ? '\0' : text.charAt(position);
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private String rest() {
        String rest = text.substring(position);
        return rest.length() > 30 ? rest.substring(0, 30) + "…" : rest;
    }

    private ScimException error(String what) {
        return errorAt(position, what);
    }

    private ScimException errorAt(int at, String what) {
        return ScimErrors.invalidFilter(what + " at position " + (at + 1) + " of filter '" + abbreviated() + "'");
    }

    private String abbreviated() {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
