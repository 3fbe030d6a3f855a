package com.javelo.scim.app.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.port.SigningKeys;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs SETs as JWS ({@code typ: secevent+jwt} as RFC 8417 §2.3 asks) with the service's key: an
 * Ed25519 key pair (EdDSA, RFC 8037) generated at first start and kept in the database, so every
 * instance and restart signs with the same key and consumers verify against
 * {@code /events/v1/jwks.json}. Why Ed25519: a signature costs about a twentieth of an ES256 one
 * here, and the feed signs every event it delivers. A P-256 key stored by an earlier version
 * (ES256) is kept and used as it is, so consumers that pinned it keep verifying.
 */
public final class EventSigner {

    private static final JOSEObjectType SECEVENT = new JOSEObjectType("secevent+jwt");

    private final JWK key;
    private final byte[] privateKeyBytes;
    private final JWSSigner signer;
    private final JWSHeader header;

    private EventSigner(JWK key) throws JOSEException {
        this.key = key;
        JWSAlgorithm algorithm;
        if (key instanceof OctetKeyPair ed25519) {
            this.signer = new Ed25519JwsSigner(ed25519);
            this.privateKeyBytes = ed25519.getDecodedD();
            algorithm = JWSAlgorithm.EdDSA;
        } else if (key instanceof ECKey p256) {
            this.signer = new ECDSASigner(p256);
            this.privateKeyBytes = p256.getD().decode();
            algorithm = JWSAlgorithm.ES256;
        } else {
            throw new JOSEException("unsupported event signing key type " + key.getKeyType());
        }
        this.header = new JWSHeader.Builder(algorithm)
                .type(SECEVENT)
                .keyID(key.getKeyID())
                .build();
    }

    public static EventSigner loadOrCreate(SigningKeys keys, Clock clock) {
        String jwk = keys.loadOrCreate(EventSigner::newKey, clock.instant());
        try {
            return new EventSigner(JWK.parse(jwk));
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("the stored event signing key cannot be read", e);
        }
    }

    private static String newKey() {
        return Ed25519JwsSigner.newKey(new SecureRandom())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.EdDSA)
                .keyID(UUID.randomUUID().toString())
                .build()
                .toJSONString();
    }

    /**
     * A secret for another purpose, derived from the private key (HMAC-SHA-256 of the purpose
     * under it): the same on every instance that shares the database, and it tells nothing of the
     * key. The SCIM cursors (RFC 9865) are sealed with one, so any instance reads another's.
     */
    public byte[] derivedSecret(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(privateKeyBytes, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive a secret from the signing key", e);
        }
    }

    /** @return the compact JWS of the claims */
    public String sign(ObjectNode claims) {
        JWSObject jws = new JWSObject(header, new Payload(claims.toString()));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a SET", e);
        }
        return jws.serialize();
    }

    /** @return the public key as a JWK Set (RFC 7517 §5) */
    public String publicJwks() {
        return new JWKSet(key.toPublicJWK()).toString(true);
    }
}
