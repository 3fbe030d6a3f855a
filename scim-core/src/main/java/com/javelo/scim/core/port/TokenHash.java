package com.javelo.scim.core.port;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 of an API token, hex encoded: what the store keeps and looks up. Tokens are 256-bit
 * random values, so an unsalted fast hash is enough (no dictionary to attack).
 */
public record TokenHash(String hex) {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    public TokenHash {
        Objects.requireNonNull(hex, "hex");
        if (!SHA_256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest");
        }
    }

    public static TokenHash of(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return new TokenHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /** Compares in constant time, so a timing side channel cannot reveal a stored hash. */
    public boolean sameAs(TokenHash other) {
        return MessageDigest.isEqual(
                hex.getBytes(StandardCharsets.US_ASCII), other.hex.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "TokenHash[" + hex.substring(0, 8) + "…]";
    }
}
