package com.javelo.scim.domain.resource;

import java.util.Locale;

/**
 * The one case folding of the service (RFC 7643 §2.1: names and most string values compare
 * ignoring case): userNames, emails, group names, manager references and the company's
 * attribute names and values are compared on this key, in memory and in the stores' key columns.
 * Locale independent, so a server's locale never changes who matches whom.
 */
public final class CaseFolding {

    private CaseFolding() {}

    /** @return {@code text} folded for comparison, e.g. {@code "Ada@Acme.COM"} → {@code "ada@acme.com"} */
    public static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
