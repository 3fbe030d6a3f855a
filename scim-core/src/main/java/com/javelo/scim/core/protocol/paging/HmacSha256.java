package com.javelo.scim.core.protocol.paging;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA-256 (RFC 2104) over {@link MessageDigest}: the core may use {@code java.*} only
 * (CoreArchitectureTest), and {@code javax.crypto.Mac} is not {@code java.*}. The test checks it
 * against the JDK's {@code Mac} and RFC 4231's vectors.
 */
final class HmacSha256 {

    private static final int BLOCK = 64;

    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];

    HmacSha256(byte[] key) {
        byte[] block = key.length > BLOCK ? sha256().digest(key) : key;
        byte[] padded = Arrays.copyOf(block, BLOCK);
        for (int i = 0; i < BLOCK; i++) {
            innerPad[i] = (byte) (padded[i] ^ 0x36);
            outerPad[i] = (byte) (padded[i] ^ 0x5c);
        }
    }

    byte[] mac(byte[] message) {
        MessageDigest inner = sha256();
        inner.update(innerPad);
        byte[] innerHash = inner.digest(message);
        MessageDigest outer = sha256();
        outer.update(outerPad);
        return outer.digest(innerHash);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
