package com.javelo.scim.core.protocol.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.core.protocol.filter.FilterTokenizer.Kind;
import com.javelo.scim.core.protocol.filter.FilterTokenizer.Token;
import com.javelo.scim.core.protocol.schema.AttributePath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Parses SCIM filters (RFC 7644 §3.4.2.2) into a {@link Filter} tree, and PATCH paths
 * (§3.5.2), which reuse the filter's {@code valuePath}, by recursive descent over a
 * {@link FilterTokenizer}:
 *
 * <pre>
 * filter     = orExpr
 * orExpr     = andExpr *("or" andExpr)              ; left-associative
 * andExpr    = unary *("and" unary)                 ; and binds tighter than or
 * unary      = "not" "(" orExpr ")" / "(" orExpr ")" / attrExpr
 * attrExpr   = attrPath "pr" / attrPath compareOp compValue
 *            / attrPath "[" orExpr "]" ["." subAttr ("pr" / compareOp compValue)]
 * patchPath  = attrPath ["[" orExpr "]" ["." subAttr]]
 * attrPath   = [URN ":"] attrName ["." subAttr]      ; the URN runs up to the last ':'
 * </pre>
 *
 * Keywords and operators are case-insensitive; names are kept as written. Value filters do not
 * nest. {@code emails[type eq "work"].value eq "x"} becomes
 * {@code ValuePath(emails, And(type eq "work", value eq "x"))}.
 *
 * <p>Leniency that Microsoft's validator and older Entra clients need: an unquoted value that is
 * not {@code true}, {@code false}, {@code null} or a number is read as a string
 * ({@code userName sw O}, {@code meta.Created gt 2015-10-10T14:38:21.8617979-07:00},
 * {@code emails.Value co example.com}); it runs up to a space, ')' or ']'.
 *
 * <p>A name that is a whole schema URN, that is whose next-to-last segment is a version
 * ({@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User}), becomes an
 * {@link AttributePath} with no URN and the URN as its {@code attribute}: PATCH paths may name a
 * whole extension that way.
 *
 * <p>Errors are {@code invalidFilter} (or {@code invalidPath} for PATCH paths) and say what was
 * expected, what was found and where, counting characters from 0: {@code Expected a comparison
 * operator after 'userName' at position 9 in filter 'userName foo "x"', found 'foo'}.
 *
 * <p>For example: {@code FilterParser.parse("emails[type eq \"work\"].value eq \"a@b.c\"")}.
 */
public final class FilterParser {

    /** Longer filters and paths are refused outright: no IdP sends anything near this. */
    public static final int MAX_LENGTH = 10_000;
    /** Deeper nesting of parentheses, {@code not} and brackets is refused, so the stack stays small. */
    public static final int MAX_DEPTH = 50;

    private static final String OPERATORS = "eq, ne, co, sw, ew, gt, ge, lt, le or pr";
    /** RFC 7643 §2.1 ATTRNAME, plus {@code $ref}. */
    private static final Pattern NAME = Pattern.compile("(?i:\\$ref)|[A-Za-z][A-Za-z0-9_-]*");

    private static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    /**
     * Builds the caller's representation of a PATCH path.
     *
     * @param <P> the path type, e.g. {@code PatchPath}
     */
    @FunctionalInterface
    public interface PathFactory<P> {
        /**
         * @param attribute the attribute; carries the sub-attribute only when there is no filter
         * @param valueFilter the value filter between brackets, or {@code null}
         * @param subAttribute the sub-attribute after {@code ]}, or {@code null}
         */
        P create(AttributePath attribute, Filter valueFilter, String subAttribute);
    }

    private final FilterTokenizer tokens;
    private int depth;
    private boolean insideValueFilter;

    private FilterParser(FilterTokenizer tokens) {
        this.tokens = tokens;
    }

    /** @throws ScimException {@code invalidFilter} saying what was expected where */
    public static Filter parse(String filter) {
        FilterParser parser = new FilterParser(tokenizer(filter, "filter", ScimErrors::invalidFilter));
        Filter parsed = parser.orExpression();
        parser.expectEnd("Expected 'and', 'or' or the end of the filter");
        return parsed;
    }

    /**
     * Parses a PATCH path (RFC 7644 §3.5.2): {@code attrPath}, {@code attrPath[valFilter]} or
     * {@code attrPath[valFilter].subAttr}; e.g. {@code members[value eq "2819c223"]}.
     *
     * @throws ScimException {@code invalidPath} saying what was expected where
     */
    public static <P> P parsePath(String path, PathFactory<P> factory) {
        FilterParser parser = new FilterParser(tokenizer(path, "path", ScimErrors::invalidPath));
        return parser.patchPath(factory);
    }

    private static FilterTokenizer tokenizer(String text, String noun, Function<String, ScimException> errors) {
        if (text == null || text.isBlank()) {
            throw errors.apply("The " + noun + " is empty.");
        }
        if (text.length() > MAX_LENGTH) {
            throw errors.apply("The " + noun + " is " + text.length() + " characters long; at most " + MAX_LENGTH
                    + " are accepted.");
        }
        if (text.indexOf('\u0000') >= 0) {
            // No attribute holds one (InputLimits), and PostgreSQL refuses one in any text parameter.
            throw errors.apply("The " + noun + " contains a NUL character (U+0000), which no attribute value holds.");
        }
        return new FilterTokenizer(text, noun, errors);
    }

    private <P> P patchPath(PathFactory<P> factory) {
        Token name = tokens.next();
        AttributePath attribute = attributePath(name);
        if (!tokens.peek().is(Kind.OPEN_BRACKET)) {
            expectEnd("Expected '[' or the end of the path after '" + attribute + "'");
            return factory.create(attribute, null, null);
        }
        Filter valueFilter = bracketed(attribute);
        String subAttribute = null;
        if (tokens.peek().is(Kind.DOT)) {
            tokens.next();
            subAttribute = subAttributeName();
        }
        expectEnd(
                subAttribute == null
                        ? "Expected '.' and a sub-attribute, or the end of the path, after ']'"
                        : "Expected the end of the path after '." + subAttribute + "'");
        return factory.create(attribute, valueFilter, subAttribute);
    }

    private Filter orExpression() {
        Filter left = andExpression();
        while (tokens.peek().isKeyword("or")) {
            tokens.next();
            left = new Filter.Or(left, andExpression());
        }
        return left;
    }

    private Filter andExpression() {
        Filter left = unary();
        while (tokens.peek().isKeyword("and")) {
            tokens.next();
            left = new Filter.And(left, unary());
        }
        return left;
    }

    private Filter unary() {
        Token first = tokens.peek();
        if (++depth > MAX_DEPTH) {
            throw tokens.error(
                    first.start(),
                    "The " + tokens.noun() + " nests parentheses, 'not' or brackets deeper than " + MAX_DEPTH
                            + " levels");
        }
        try {
            if (first.isKeyword("not")) {
                tokens.next();
                Token open = tokens.next();
                if (!open.is(Kind.OPEN_PAREN)) {
                    throw tokens.expected("Expected '(' after 'not'", open);
                }
                Filter inner = orExpression();
                expectClosing(Kind.CLOSE_PAREN, open);
                return new Filter.Not(inner);
            }
            if (first.is(Kind.OPEN_PAREN)) {
                Token open = tokens.next();
                Filter inner = orExpression();
                expectClosing(Kind.CLOSE_PAREN, open);
                return inner;
            }
            if (!first.is(Kind.WORD) || first.isKeyword("and") || first.isKeyword("or")) {
                throw tokens.expected("Expected an attribute name, '(' or 'not'", first);
            }
            return attributeExpression();
        } finally {
            depth--;
        }
    }

    private Filter attributeExpression() {
        AttributePath path = attributePath(tokens.next());
        if (!tokens.peek().is(Kind.OPEN_BRACKET)) {
            return comparisonOrPresent(path);
        }
        Filter valueFilter = bracketed(path);
        if (!tokens.peek().is(Kind.DOT)) {
            return new Filter.ValuePath(path, valueFilter);
        }
        tokens.next();
        AttributePath sub = AttributePath.of(subAttributeName());
        // Filtering and then comparing a sub-attribute is one condition on the same value.
        return new Filter.ValuePath(path, new Filter.And(valueFilter, comparisonOrPresent(sub)));
    }

    /** {@code "[" orExpr "]"} after {@code attribute}, the '[' being the next token. */
    private Filter bracketed(AttributePath attribute) {
        Token open = tokens.peek();
        if (insideValueFilter) {
            throw tokens.error(open.start(), "Expected a comparison instead of a nested value filter '['");
        }
        if (attribute.hasSubAttribute()) {
            throw tokens.error(
                    open.start(),
                    "Expected '[' after a multi-valued attribute, not after the sub-attribute '" + attribute + "'");
        }
        tokens.next();
        depth++;
        insideValueFilter = true;
        try {
            Filter valueFilter = orExpression();
            expectClosing(Kind.CLOSE_BRACKET, open);
            return valueFilter;
        } finally {
            insideValueFilter = false;
            depth--;
        }
    }

    private Filter comparisonOrPresent(AttributePath path) {
        Token word = tokens.next();
        if (word.isKeyword("pr")) {
            return new Filter.Present(path);
        }
        Optional<ComparisonOperator> operator =
                word.is(Kind.WORD) ? ComparisonOperator.fromWire(word.text()) : Optional.empty();
        if (operator.isEmpty()) {
            throw tokens.expected(
                    "Expected a comparison operator after '" + path + "'", word, "; the operators are " + OPERATORS);
        }
        return new Filter.Comparison(path, operator.get(), value(path, operator.get()));
    }

    private JsonNode value(AttributePath path, ComparisonOperator operator) {
        Token value = tokens.nextValue();
        if (value.is(Kind.STRING)) {
            return TextNode.valueOf(value.text());
        }
        if (!value.is(Kind.BARE)) {
            throw tokens.expected("Expected a value after '" + path + " " + operator.wireValue() + "'", value);
        }
        return literal(value.text());
    }

    /** {@code true}, {@code false}, {@code null}, a JSON number, or else (lenient) a string. */
    private static JsonNode literal(String bare) {
        switch (bare.toLowerCase(Locale.ROOT)) {
            case "true":
                return BooleanNode.TRUE;
            case "false":
                return BooleanNode.FALSE;
            case "null":
                return NullNode.instance;
            default:
                return NUMBER.matcher(bare).matches() ? number(bare) : TextNode.valueOf(bare);
        }
    }

    private static JsonNode number(String digits) {
        if (digits.indexOf('.') >= 0 || digits.indexOf('e') >= 0 || digits.indexOf('E') >= 0) {
            return DecimalNode.valueOf(new BigDecimal(digits));
        }
        BigInteger integer = new BigInteger(digits);
        if (integer.bitLength() < Integer.SIZE) {
            return IntNode.valueOf(integer.intValue());
        }
        if (integer.bitLength() < Long.SIZE) {
            return LongNode.valueOf(integer.longValue());
        }
        return DecimalNode.valueOf(new BigDecimal(integer));
    }

    /** {@code [URN ":"] name ["." subName]}, or a whole schema URN (see the class comment). */
    private AttributePath attributePath(Token token) {
        if (!token.is(Kind.WORD)) {
            throw tokens.expected("Expected an attribute name", token);
        }
        String raw = token.text();
        String urn = null;
        String names = raw;
        int colon = raw.lastIndexOf(':');
        if (raw.regionMatches(true, 0, "urn:", 0, 4)) {
            if (isSchemaUrn(raw)) {
                return new AttributePath(null, raw, null);
            }
            urn = raw.substring(0, colon);
            names = raw.substring(colon + 1);
            if (urn.length() <= "urn:".length()) {
                throw notAPath(token);
            }
        } else if (colon >= 0) {
            throw notAPath(token);
        }
        String[] parts = names.split("\\.", -1);
        if (parts.length > 2
                || !NAME.matcher(parts[0]).matches()
                || parts.length == 2 && !NAME.matcher(parts[1]).matches()) {
            throw notAPath(token);
        }
        return new AttributePath(urn, parts[0], parts.length == 2 ? parts[1] : null);
    }

    private static boolean isSchemaUrn(String raw) {
        String[] segments = raw.split(":", -1);
        return segments.length >= 4
                && VERSION.matcher(segments[segments.length - 2]).matches()
                && NAME.matcher(segments[segments.length - 1]).matches();
    }

    private ScimException notAPath(Token token) {
        return tokens.expected("Expected an attribute path (name, name.subName or urn:…:name)", token);
    }

    private String subAttributeName() {
        Token name = tokens.next();
        if (!name.is(Kind.WORD) || !NAME.matcher(name.text()).matches()) {
            throw tokens.expected("Expected a sub-attribute name after '].'", name);
        }
        return name.text();
    }

    private void expectClosing(Kind closing, Token open) {
        Token next = tokens.next();
        if (!next.is(closing)) {
            String symbol = closing == Kind.CLOSE_PAREN ? ")" : "]";
            throw tokens.expected(
                    "Expected 'and', 'or' or '" + symbol + "' (to close the '" + tokens.source(open)
                            + "' opened at position " + open.start() + ")",
                    next);
        }
    }

    private void expectEnd(String expectation) {
        Token next = tokens.peek();
        if (!next.is(Kind.END)) {
            throw tokens.expected(expectation, next);
        }
    }
}
