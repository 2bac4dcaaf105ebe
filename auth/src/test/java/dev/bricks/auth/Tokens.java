package dev.bricks.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/** Mints tokens with nimbus: well-formed ones through SignedJWT, crafted ones from raw header/payload JSON. */
final class Tokens {

    static final String AUDIENCE = "api://orders";
    static final String SUBJECT = "user-123";

    private Tokens() {}

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /** Valid claims for the issuer: sub, aud, exp in 10 min, iat 10 s ago, two scopes, one group. */
    static JWTClaimsSet.Builder claims(String issuer) {
        long now = now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(SUBJECT)
                .audience(AUDIENCE)
                .expirationTime(new Date((now + 600) * 1000))
                .issueTime(new Date((now - 10) * 1000))
                .claim("scope", "orders/read orders/write")
                .claim("cognito:groups", List.of("admins"));
    }

    /** A nimbus-signed JWT with typ JWT and the key's kid. */
    static String signed(JWK key, JWSAlgorithm alg, JWTClaimsSet claims) {
        try {
            JWSHeader header = new JWSHeader.Builder(alg)
                    .keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT)
                    .build();
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String rs256(JWTClaimsSet claims) {
        return signed(TestKeys.RSA_1, JWSAlgorithm.RS256, claims);
    }

    /** Raw header and payload JSON, signed with the key under the given algorithm (nimbus signer). */
    static String raw(String headerJson, String payloadJson, JWK key, JWSAlgorithm alg) {
        String signingInput = b64(headerJson) + "." + b64(payloadJson);
        try {
            byte[] sig = signer(key)
                    .sign(new JWSHeader(alg), signingInput.getBytes(StandardCharsets.US_ASCII))
                    .decode();
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Raw header and payload, HMAC-signed with the given secret bytes. */
    static String hmac(String headerJson, String payloadJson, byte[] secret, JWSAlgorithm alg) {
        try {
            JWSObject jws = new JWSObject(JWSHeader.parse(headerJson), new com.nimbusds.jose.Payload(payloadJson));
            String signingInput = b64(headerJson) + "." + b64(payloadJson);
            byte[] sig = new MACSigner(secret)
                    .sign(jws.getHeader(), signingInput.getBytes(StandardCharsets.US_ASCII))
                    .decode();
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(String json) {
        return b64(json.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A standard payload JSON for the issuer, with an extra raw member fragment (may be empty). */
    static String payload(String issuer, String extra) {
        long now = now();
        return "{\"iss\":\"" + issuer + "\",\"sub\":\"" + SUBJECT + "\",\"aud\":\"" + AUDIENCE + "\",\"exp\":"
                + (now + 600) + ",\"iat\":" + (now - 10) + extra + "}";
    }

    @SuppressWarnings("deprecation") // the 1024-bit test key needs the allow-weak-key signer
    private static JWSSigner signer(JWK key) throws JOSEException {
        if (key instanceof RSAKey rsa) {
            return new RSASSASigner(rsa.toRSAPrivateKey(), true);
        }
        return new ECDSASigner((ECKey) key);
    }
}
