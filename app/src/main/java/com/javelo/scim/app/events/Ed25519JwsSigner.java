package com.javelo.scim.app.events;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * EdDSA (RFC 8037) JWS signatures with Ed25519, computed by Bouncy Castle's RFC 8032
 * implementation. Why not nimbus's own {@code Ed25519Signer}: it delegates to Google Tink, whose
 * Ed25519 measured about ten times slower here, and signing is the event feed's main cost per SET
 * (docs/benchmarks.md, "The event feed"). The output is standard EdDSA: any JOSE library verifies it.
 */
final class Ed25519JwsSigner implements JWSSigner {

    private final byte[] privateKey;
    private final byte[] publicKey;
    private final JCAContext jcaContext = new JCAContext();

    Ed25519JwsSigner(OctetKeyPair key) {
        if (!Curve.Ed25519.equals(key.getCurve()) || !key.isPrivate()) {
            throw new IllegalArgumentException("an Ed25519 private key is needed, not " + key.getCurve());
        }
        this.privateKey = key.getDecodedD();
        this.publicKey = key.getDecodedX();
    }

    /** @return a new Ed25519 key pair as a private JWK */
    static OctetKeyPair.Builder newKey(java.security.SecureRandom random) {
        byte[] d = new byte[Ed25519.SECRET_KEY_SIZE];
        random.nextBytes(d);
        byte[] x = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(d, 0, x, 0);
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).d(Base64URL.encode(d));
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
            throw new JOSEException("Ed25519 keys sign EdDSA, not " + header.getAlgorithm());
        }
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(privateKey, 0, publicKey, 0, signingInput, 0, signingInput.length, signature, 0);
        return Base64URL.encode(signature);
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(JWSAlgorithm.EdDSA);
    }

    @Override
    public JCAContext getJCAContext() {
        return jcaContext;
    }
}
