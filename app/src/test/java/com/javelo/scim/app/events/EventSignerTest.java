package com.javelo.scim.app.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EventSignerTest {

    private static final ObjectNode CLAIMS =
            JsonNodeFactory.instance.objectNode().put("jti", "evt-1");

    @Test
    void a_new_service_signs_with_an_ed25519_key_that_any_jose_library_verifies() throws Exception {
        AtomicReference<String> kept = new AtomicReference<>();
        EventSigner signer = EventSigner.loadOrCreate(
                (newKey, now) -> kept.updateAndGet(k -> k != null ? k : newKey.get()), Clock.systemUTC());

        JWSObject set = JWSObject.parse(signer.sign(CLAIMS));
        OctetKeyPair published = (OctetKeyPair)
                JWKSet.parse(signer.publicJwks()).getKeyByKeyId(set.getHeader().getKeyID());

        assertThat(set.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(set.getHeader().getType().getType()).isEqualTo("secevent+jwt");
        assertThat(published.isPrivate())
                .as("the JWKS publishes no private part")
                .isFalse();
        assertThat(set.verify(new Ed25519Verifier(published))).isTrue();
        assertThat(kept.get()).contains("\"crv\":\"Ed25519\"");
    }

    @Test
    void a_p256_key_kept_by_an_earlier_version_still_signs_es256() throws Exception {
        ECKey earlier = new ECKeyGenerator(Curve.P_256).keyID("earlier").generate();
        EventSigner signer = EventSigner.loadOrCreate((newKey, now) -> earlier.toJSONString(), Clock.systemUTC());

        JWSObject set = JWSObject.parse(signer.sign(CLAIMS));

        assertThat(set.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(set.verify(new ECDSAVerifier(earlier.toPublicJWK()))).isTrue();
    }

    @Test
    void the_derived_secrets_are_stable_per_key_and_purpose() {
        String key = Ed25519JwsSigner.newKey(new java.security.SecureRandom())
                .keyID("k")
                .build()
                .toJSONString();
        EventSigner one = EventSigner.loadOrCreate((newKey, now) -> key, Clock.systemUTC());
        EventSigner other = EventSigner.loadOrCreate((newKey, now) -> key, Clock.systemUTC());

        assertThat(one.derivedSecret("cursor"))
                .isEqualTo(other.derivedSecret("cursor"))
                .isNotEqualTo(one.derivedSecret("other purpose"));
    }
}
