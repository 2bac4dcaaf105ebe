package dev.bricks.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/** Key pairs generated once per test JVM (RSA generation is the slow part). */
final class TestKeys {

    static final RSAKey RSA_1 = rsa("rsa-1", 2048, null, null);
    static final RSAKey RSA_2 = rsa("rsa-2", 2048, null, null);
    /** Same kid as RSA_1, different key: the attacker's. */
    static final RSAKey ATTACKER_RSA = rsa("rsa-1", 2048, null, null);

    static final RSAKey RSA_ENC = rsa("rsa-enc", 2048, KeyUse.ENCRYPTION, null);
    static final RSAKey RSA_ALG_512 = rsa("rsa-alg512", 2048, null, JWSAlgorithm.RS512);
    static final RSAKey RSA_WEAK = rsa("rsa-weak", 1024, null, null);
    static final ECKey EC_1 = ec("ec-1");
    static final ECKey EC_2 = ec("ec-2");

    private TestKeys() {}

    private static RSAKey rsa(String kid, int bits, KeyUse use, JWSAlgorithm alg) {
        try {
            RSAKeyGenerator g = new RSAKeyGenerator(bits, bits < 2048);
            g.keyID(kid);
            if (use != null) {
                g.keyUse(use);
            }
            if (alg != null) {
                g.algorithm(alg);
            }
            return g.generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey ec(String kid) {
        try {
            ECKeyGenerator g = new ECKeyGenerator(Curve.P_256);
            g.keyID(kid);
            return g.generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
