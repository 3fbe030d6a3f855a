package com.javelo.scim.app.server.edge;

import java.util.regex.Pattern;

/**
 * The request-target rule of RFC 9112 §3.2 and RFC 3986 that Grizzly leaves to the application:
 * visible ASCII only, none of {@code " < > \ ^ ` { | }}, and every {@code %} followed by two hex
 * digits. A target that breaks it ({@code /%zz}, a NUL byte, raw UTF-8, a raw quote) is the
 * client's mistake and is answered 400 before Jersey, which could not build a URI from it. The
 * same goes for a {@code Host} header, which Jersey builds the request's base URI from.
 */
final class RequestTargets {

    /** A DNS name (underscores tolerated, as internal names have them), an IPv4 or a bracketed IPv6 literal, and a port. */
    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+)(:[0-9]{1,5})?");

    /** Visible ASCII that RFC 3986 never allows raw in a path or query (and java.net.URI refuses). */
    private static final String NOT_IN_URIS = "\"<>\\^`{|}";

    private RequestTargets() {}

    /** @return why the Host header cannot name this service in a URI, or null when it can (or is absent) */
    static String hostProblem(String host) {
        if (host == null || HOST.matcher(host).matches()) {
            return null;
        }
        return "the Host header is not a host name or address with an optional port";
    }

    /**
     * @param name what the part is, for the message: {@code path} or {@code query}
     * @return why the part cannot be used, or null when it can
     */
    static String problem(String part, String name) {
        if (part == null) {
            return null;
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                return "the request URI's " + name + " contains a space, a control character or a non-ASCII character "
                        + "at position " + (i + 1) + "; percent-encode it (UTF-8, RFC 3986), e.g. %C3%A9 for é";
            }
            if (NOT_IN_URIS.indexOf(c) >= 0) {
                return "the request URI's " + name + " contains '" + c + "' at position " + (i + 1) + ", which a URI "
                        + "may not hold as is; percent-encode it (RFC 3986), e.g. %22 for \"";
            }
            if (c == '%' && (i + 2 >= part.length() || !isHex(part.charAt(i + 1)) || !isHex(part.charAt(i + 2)))) {
                return "the request URI's " + name + " has a '%' at position " + (i + 1) + " that is not followed by "
                        + "two hex digits; write a literal '%' as %25";
            }
        }
        return null;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
