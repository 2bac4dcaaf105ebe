package dev.bricks.auth;

import com.nimbusds.jose.JWSAlgorithm;

/**
 * The asymmetric JWS algorithms an authorizer may allow. HMAC and {@code none} are deliberately absent: a
 * verifier that only holds public keys must never accept a shared-secret signature (key confusion).
 */
public enum SignatureAlgorithm {
    RS256(JWSAlgorithm.RS256, "RSA", null),
    RS384(JWSAlgorithm.RS384, "RSA", null),
    RS512(JWSAlgorithm.RS512, "RSA", null),
    PS256(JWSAlgorithm.PS256, "RSA", null),
    PS384(JWSAlgorithm.PS384, "RSA", null),
    PS512(JWSAlgorithm.PS512, "RSA", null),
    ES256(JWSAlgorithm.ES256, "EC", "P-256"),
    ES384(JWSAlgorithm.ES384, "EC", "P-384"),
    ES512(JWSAlgorithm.ES512, "EC", "P-521");

    final JWSAlgorithm jws;
    final String keyType;
    final String curve;

    SignatureAlgorithm(JWSAlgorithm jws, String keyType, String curve) {
        this.jws = jws;
        this.keyType = keyType;
        this.curve = curve;
    }

    /** The algorithm whose {@code alg} name is exactly {@code name} (case-sensitive), or null. */
    static SignatureAlgorithm byName(String name) {
        for (SignatureAlgorithm a : values()) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }
}
