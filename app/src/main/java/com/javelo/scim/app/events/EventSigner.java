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
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Clock;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs SETs as JWS (ES256, {@code typ: secevent+jwt} as RFC 8417 §2.3 asks) with the service's
 * key: a P-256 key pair generated at first start and kept in the database, so every instance and
 * restart signs with the same key and consumers verify against {@code /events/v1/jwks.json}.
 */
public final class EventSigner {

    private static final JOSEObjectType SECEVENT = new JOSEObjectType("secevent+jwt");

    private final ECKey key;
    private final JWSSigner signer;
    private final JWSHeader header;

    private EventSigner(ECKey key) throws JOSEException {
        this.key = key;
        this.signer = new ECDSASigner(key);
        this.header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(SECEVENT).keyID(key.getKeyID()).build();
    }

    public static EventSigner loadOrCreate(SigningKeys keys, Clock clock) {
        String jwk = keys.loadOrCreate(EventSigner::newKey, clock.instant());
        try {
            return new EventSigner(ECKey.parse(jwk));
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("the stored event signing key cannot be read", e);
        }
    }

    private static String newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyID(UUID.randomUUID().toString()).generate().toJSONString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the event signing key", e);
        }
    }

    /**
     * A secret for another purpose, derived from the private key (HMAC-SHA-256 of the purpose
     * under it): the same on every instance that shares the database, and it tells nothing of the
     * key. The SCIM cursors (RFC 9865) are sealed with one, so any instance reads another's.
     */
    public byte[] derivedSecret(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getD().decode(), "HmacSHA256"));
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
