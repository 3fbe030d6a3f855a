package com.javelo.scim.core.protocol.filter;

import com.javelo.scim.core.protocol.error.ScimException;
import java.util.function.Function;

/**
 * Splits a filter, or a PATCH path, into tokens on demand for {@link FilterParser}, and words its
 * errors. Tokens are read one at a time because what a token is depends on where the parser
 * stands: after a comparison operator an unquoted value such as
 * {@code 2015-10-10T14:38:21.8617979-07:00} is one token ({@link #nextValue}), elsewhere
 * {@code :} and {@code .} belong to attribute names ({@link #next}).
 *
 * <p>Positions count characters from 0.
 */
final class FilterTokenizer {

    enum Kind {
        /** A run of anything but spaces, quotes, brackets and parentheses: names, keywords, operators. */
        WORD,
        /** A JSON string; {@link Token#text} holds it decoded. */
        STRING,
        /** An unquoted value, only from {@link #nextValue}. */
        BARE,
        OPEN_PAREN,
        CLOSE_PAREN,
        OPEN_BRACKET,
        CLOSE_BRACKET,
        /** A '.' that starts a token, as in {@code emails[type eq "work"].value}. */
        DOT,
        END
    }

    /** One token: {@code start} and {@code end} delimit its source text. */
    record Token(Kind kind, String text, int start, int end) {

        boolean is(Kind expected) {
            return kind == expected;
        }

        /** @return whether this is the word {@code keyword}, ignoring case */
        boolean isKeyword(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }
    }

    private final String text;
    private final String noun;
    private final Function<String, ScimException> errors;
    private int position;
    private Token lookahead;

    /**
     * @param noun what the text is, for error details: {@code "filter"} or {@code "path"}
     * @param errors builds the exception for a detail ({@code ScimErrors::invalidFilter} ...)
     */
    FilterTokenizer(String text, String noun, Function<String, ScimException> errors) {
        this.text = text;
        this.noun = noun;
        this.errors = errors;
    }

    Token peek() {
        if (lookahead == null) {
            lookahead = scan();
        }
        return lookahead;
    }

    Token next() {
        Token token = peek();
        lookahead = null;
        position = token.end();
        return token;
    }

    /**
     * Reads a comparison value: a JSON string, or else an unquoted run up to a space, ')' or ']'
     * (Microsoft's validator sends {@code userName sw O}). A run that would be empty comes back as
     * the punctuation or end found there, for the parser to refuse.
     */
    Token nextValue() {
        lookahead = null;
        int start = skipSpaces(position);
        Token token;
        if (start < text.length() && text.charAt(start) == '"') {
            token = string(start);
        } else {
            int end = start;
            while (end < text.length()
                    && !Character.isWhitespace(text.charAt(end))
                    && text.charAt(end) != ')'
                    && text.charAt(end) != ']') {
                end++;
            }
            boolean punctuation = end > start && (text.charAt(start) == '(' || text.charAt(start) == '[');
            token = end == start || punctuation ? scan() : new Token(Kind.BARE, text.substring(start, end), start, end);
        }
        position = token.end();
        return token;
    }

    /** @return the exception for {@code message} at {@code at}, quoting the whole text */
    ScimException error(int at, String message) {
        return errors.apply(message + " at position " + at + " in " + noun + " '" + abbreviated() + "'");
    }

    /** @return the exception for "expected ... found ..." at {@code found}'s position */
    ScimException expected(String what, Token found) {
        return expected(what, found, "");
    }

    /** @param hint appended after what was found, e.g. the list of operators */
    ScimException expected(String what, Token found, String hint) {
        return errors.apply(what + " at position " + found.start() + " in " + noun + " '" + abbreviated() + "', found "
                + describe(found) + hint);
    }

    String describe(Token token) {
        if (token.is(Kind.END)) {
            return "the end of the " + noun;
        }
        String source = source(token);
        return "'" + (source.length() > 40 ? source.substring(0, 40) + "…" : source) + "'";
    }

    String source(Token token) {
        return text.substring(token.start(), token.end());
    }

    String noun() {
        return noun;
    }

    private Token scan() {
        int start = skipSpaces(position);
        if (start >= text.length()) {
            return new Token(Kind.END, "", start, start);
        }
        char c = text.charAt(start);
        switch (c) {
            case '(':
                return punctuation(Kind.OPEN_PAREN, start);
            case ')':
                return punctuation(Kind.CLOSE_PAREN, start);
            case '[':
                return punctuation(Kind.OPEN_BRACKET, start);
            case ']':
                return punctuation(Kind.CLOSE_BRACKET, start);
            case '.':
                return punctuation(Kind.DOT, start);
            case '"':
                return string(start);
            default:
                int end = start;
                while (end < text.length() && isWordChar(text.charAt(end))) {
                    end++;
                }
                return new Token(Kind.WORD, text.substring(start, end), start, end);
        }
    }

    private Token punctuation(Kind kind, int start) {
        return new Token(kind, text.substring(start, start + 1), start, start + 1);
    }

    private static boolean isWordChar(char c) {
        return !Character.isWhitespace(c) && c != '(' && c != ')' && c != '[' && c != ']' && c != '"';
    }

    /** A JSON string (RFC 8259 §7) starting at the quote at {@code start}. */
    private Token string(int start) {
        StringBuilder value = new StringBuilder();
        int at = start + 1;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '"') {
                if (value.indexOf("\u0000") >= 0) {
                    throw error(start, "A NUL character (U+0000), which no attribute value holds, is in the string");
                }
                return new Token(Kind.STRING, value.toString(), start, at + 1);
            }
            if (c != '\\') {
                value.append(c);
                at++;
                continue;
            }
            if (at + 1 >= text.length()) {
                break;
            }
            at = escape(at, value);
        }
        throw error(start, "Expected '\"' to close the string opened");
    }

    /** Decodes the escape whose backslash is at {@code backslash}; returns the index after it. */
    private int escape(int backslash, StringBuilder value) {
        char escaped = text.charAt(backslash + 1);
        switch (escaped) {
            case '"':
            case '\\':
            case '/':
                value.append(escaped);
                return backslash + 2;
            case 'b':
                value.append('\b');
                return backslash + 2;
            case 'f':
                value.append('\f');
                return backslash + 2;
            case 'n':
                value.append('\n');
                return backslash + 2;
            case 'r':
                value.append('\r');
                return backslash + 2;
            case 't':
                value.append('\t');
                return backslash + 2;
            case 'u':
                int digits = backslash + 2;
                if (digits + 4 > text.length() || !isHex(text.substring(digits, digits + 4))) {
                    throw error(backslash, "Expected four hexadecimal digits after '\\u'");
                }
                value.append((char) Integer.parseInt(text.substring(digits, digits + 4), 16));
                return digits + 4;
            default:
                throw error(
                        backslash,
                        "Expected one of the escapes \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX instead of '\\" + escaped
                                + "'");
        }
    }

    private static boolean isHex(String candidate) {
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    private int skipSpaces(int from) {
        int at = from;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private String abbreviated() {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
