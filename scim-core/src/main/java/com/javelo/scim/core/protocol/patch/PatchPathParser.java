package com.javelo.scim.core.protocol.patch;

/** Parses PATCH {@code path} strings (RFC 7644 §3.5.2 ABNF), sharing the filter grammar. */
public final class PatchPathParser {

    private PatchPathParser() {}

    /** @throws com.javelo.scim.core.protocol.error.ScimException {@code invalidPath} when malformed */
    public static PatchPath parse(String path) {
        throw new UnsupportedOperationException("being written on branch 'filter'");
    }
}
