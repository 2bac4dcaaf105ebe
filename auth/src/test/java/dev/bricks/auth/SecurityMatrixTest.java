package dev.bricks.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import com.nimbusds.jose.JWSAlgorithm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad token the issue lists (and a few more), each verified against a real JWKS server on loopback and
 * each asserting the deny and its reason code.
 */
class SecurityMatrixTest {

    /** One case: produces a decision against the shared fixture (or its own server for JWKS trouble). */
    @FunctionalInterface
    interface Case {
        Decision run() throws Exception;
    }

    static JwksServer server;
    static JwtVerifier verifier;
    static String iss;

    @BeforeAll
    static void start() throws Exception {
        server = new JwksServer(
                TestKeys.RSA_1.toPublicJWK(),
                TestKeys.EC_1.toPublicJWK(),
                TestKeys.RSA_ENC.toPublicJWK(),
                TestKeys.RSA_ALG_512.toPublicJWK(),
                TestKeys.RSA_WEAK.toPublicJWK());
        iss = server.issuer();
        verifier = JwtVerifier.create(options(server).build());
        assertThat(verifier.prefetchKeys()).containsEntry(iss, "5 keys");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static AuthorizerOptions.Builder options(JwksServer s) {
        return AuthorizerOptions.builder()
                .issuer(s.asIssuer())
                .audiences(Tokens.AUDIENCE)
                .algorithms(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256)
                .maxLifetime(Duration.ofDays(1))
                .noDecisionCache()
                .jwksCacheTtl(Duration.ofMillis(300))
                .jwksRefreshAhead(Duration.ofMillis(50))
                .jwksRefreshTimeout(Duration.ofMillis(100))
                .jwksRateLimit(Duration.ofMillis(20))
                .jwksConnectTimeout(Duration.ofMillis(1000))
                .jwksReadTimeout(Duration.ofMillis(2000))
                .jwksSizeLimit(16 * 1024);
    }

    static String header(String kid, String alg) {
        return "{\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}";
    }

    static String rsa(String headerJson, String payloadJson) {
        return Tokens.raw(headerJson, payloadJson, TestKeys.RSA_1, JWSAlgorithm.RS256);
    }

    static String valid() {
        return Tokens.rs256(Tokens.claims(iss).build());
    }

    static String unsigned(String alg) {
        return Tokens.b64("{\"alg\":\"" + alg + "\",\"kid\":\"rsa-1\"}") + "." + Tokens.b64(Tokens.payload(iss, ""));
    }

    static Case verify(java.util.function.Supplier<String> token) {
        return () -> verifier.verify(token.get());
    }

    /** A fresh server in the given mode and a fresh verifier with an empty key cache. */
    static Case withFreshServer(JwksServer.Mode mode) {
        return () -> {
            try (JwksServer s = new JwksServer(TestKeys.RSA_1.toPublicJWK())) {
                s.mode(mode);
                s.slowMillis(1500);
                JwtVerifier v = JwtVerifier.create(options(s)
                        .jwksConnectTimeout(Duration.ofMillis(1000))
                        .jwksReadTimeout(Duration.ofMillis(300))
                        .jwksSizeLimit(16 * 1024)
                        .build());
                return v.verify(Tokens.rs256(Tokens.claims(s.issuer()).build()));
            }
        };
    }

    static Case keyRemovedAfterTtl() {
        return () -> {
            try (JwksServer s = new JwksServer(TestKeys.RSA_2.toPublicJWK())) {
                JwtVerifier v = JwtVerifier.create(options(s).build());
                String token = Tokens.signed(
                        TestKeys.RSA_2,
                        JWSAlgorithm.RS256,
                        Tokens.claims(s.issuer()).build());
                assertThat(v.verify(token).allowed())
                        .as("verifies while the key is published")
                        .isTrue();
                s.remove("rsa-2");
                Thread.sleep(400); // JWKS cache TTL is 300 ms
                return v.verify(token);
            }
        };
    }

    static String flipMiddle(String segment) {
        char[] c = segment.toCharArray();
        int i = c.length / 2;
        c[i] = c[i] == 'A' ? 'B' : 'A';
        return new String(c);
    }

    static String[] parts(String token) {
        return token.split("\\.");
    }

    static Stream<Arguments> cases() {
        List<Arguments> l = new ArrayList<>();
        long now = Tokens.now();
        // --- structure
        add(l, "empty value", () -> verifier.verify(""), DenyReason.MISSING_TOKEN);
        add(l, "Bearer without token", () -> verifier.verify("Bearer "), DenyReason.MISSING_TOKEN);
        add(l, "2 MB token", verify(() -> "Bearer " + "a".repeat(2 * 1024 * 1024)), DenyReason.TOKEN_TOO_LARGE);
        add(l, "2 segments", verify(() -> parts(valid())[0] + "." + parts(valid())[1]), DenyReason.MALFORMED_TOKEN);
        add(l, "4 segments", verify(() -> valid() + ".AAAA"), DenyReason.MALFORMED_TOKEN);
        add(
                l,
                "5 segments (JWE compact)",
                verify(() -> Tokens.b64("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\"}") + ".AAAA.AAAA.AAAA.AAAA"),
                DenyReason.MALFORMED_TOKEN);
        add(l, "padded signature", verify(() -> valid() + "=="), DenyReason.MALFORMED_TOKEN);
        add(
                l,
                "space inside a segment",
                verify(() -> {
                    String t = valid();
                    return t.substring(0, 10) + " " + t.substring(10);
                }),
                DenyReason.MALFORMED_TOKEN);
        add(
                l,
                "newline before the signature",
                verify(() -> {
                    String[] p = parts(valid());
                    return p[0] + "." + p[1] + ".\n" + p[2];
                }),
                DenyReason.MALFORMED_TOKEN);
        add(
                l,
                "standard base64 alphabet (+ /)",
                verify(() -> valid().replace('-', '+').replace('_', '/') + "+/"),
                DenyReason.MALFORMED_TOKEN);
        add(
                l,
                "non-canonical trailing bits",
                verify(() -> {
                    // a 2-byte header "{}" encodes to "e30"; "e31" decodes to the same bytes with a stray bit
                    String[] p = parts(valid());
                    return "e31." + p[1] + "." + p[2];
                }),
                DenyReason.MALFORMED_TOKEN);
        // --- JSON
        add(l, "payload is not JSON", verify(() -> rsa(header("rsa-1", "RS256"), "hello")), DenyReason.MALFORMED_JSON);
        add(l, "payload is an array", verify(() -> rsa(header("rsa-1", "RS256"), "[1,2]")), DenyReason.MALFORMED_JSON);
        add(
                l,
                "payload is not UTF-8",
                verify(() -> Tokens.b64(header("rsa-1", "RS256")) + "."
                        + Tokens.b64(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}) + ".AAAA"),
                DenyReason.MALFORMED_JSON);
        add(
                l,
                "duplicate claim (sub twice)",
                verify(() -> rsa(header("rsa-1", "RS256"), Tokens.payload(iss, ",\"sub\":\"admin\""))),
                DenyReason.DUPLICATE_MEMBER);
        add(
                l,
                "duplicate header member (alg twice)",
                verify(() -> rsa("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"alg\":\"none\"}", Tokens.payload(iss, ""))),
                DenyReason.DUPLICATE_MEMBER);
        add(
                l,
                "deeply nested payload",
                verify(() -> rsa(
                        header("rsa-1", "RS256"), Tokens.payload(iss, ",\"x\":" + "[".repeat(50) + "]".repeat(50)))),
                DenyReason.JSON_TOO_DEEP);
        // --- JWS only, algorithms
        add(l, "alg none, empty signature", verify(() -> unsigned("none") + "."), DenyReason.MALFORMED_TOKEN);
        add(l, "alg none with a signature", verify(() -> unsigned("none") + ".AAAA"), DenyReason.NOT_JWS);
        add(l, "alg None", verify(() -> unsigned("None") + ".AAAA"), DenyReason.NOT_JWS);
        add(l, "alg NONE", verify(() -> unsigned("NONE") + ".AAAA"), DenyReason.NOT_JWS);
        add(l, "alg nOnE", verify(() -> unsigned("nOnE") + ".AAAA"), DenyReason.NOT_JWS);
        add(
                l,
                "JWE header in three segments",
                verify(() -> Tokens.b64("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"kid\":\"rsa-1\"}") + "."
                        + Tokens.b64("x") + ".AAAA"),
                DenyReason.NOT_JWS);
        add(
                l,
                "key confusion: HS256 keyed with the RSA public key",
                verify(() -> Tokens.hmac(
                        header("rsa-1", "HS256"),
                        Tokens.payload(iss, ""),
                        TestKeys.RSA_1.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8),
                        JWSAlgorithm.HS256)),
                DenyReason.ALG_NOT_ALLOWED);
        add(
                l,
                "HS512",
                verify(() -> Tokens.hmac(
                        header("rsa-1", "HS512"), Tokens.payload(iss, ""), new byte[64], JWSAlgorithm.HS512)),
                DenyReason.ALG_NOT_ALLOWED);
        add(
                l,
                "RS384 outside the allow-list",
                verify(() -> Tokens.raw(
                        header("rsa-1", "RS384"), Tokens.payload(iss, ""), TestKeys.RSA_1, JWSAlgorithm.RS384)),
                DenyReason.ALG_NOT_ALLOWED);
        add(
                l,
                "PS256 outside the allow-list",
                verify(() -> Tokens.raw(
                        header("rsa-1", "PS256"), Tokens.payload(iss, ""), TestKeys.RSA_1, JWSAlgorithm.PS256)),
                DenyReason.ALG_NOT_ALLOWED);
        add(
                l,
                "alg in lower case (rs256)",
                verify(() -> rsa(header("rsa-1", "rs256"), Tokens.payload(iss, ""))),
                DenyReason.ALG_NOT_ALLOWED);
        // --- header members
        add(
                l,
                "no kid",
                verify(() -> rsa("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", Tokens.payload(iss, ""))),
                DenyReason.KID_MISSING);
        add(
                l,
                "kid not a string",
                verify(() -> rsa("{\"alg\":\"RS256\",\"kid\":7}", Tokens.payload(iss, ""))),
                DenyReason.HEADER_INVALID);
        add(
                l,
                "unknown crit",
                verify(() -> rsa(
                        "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"crit\":[\"exp2\"],\"exp2\":1}",
                        Tokens.payload(iss, ""))),
                DenyReason.CRIT_UNSUPPORTED);
        add(
                l,
                "jku header",
                verify(() -> rsa(
                        "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"jku\":\"https://evil.example/jwks\"}",
                        Tokens.payload(iss, ""))),
                DenyReason.KEY_REFERENCE_HEADER);
        add(
                l,
                "x5u header",
                verify(() -> rsa(
                        "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"x5u\":\"https://evil.example/c.pem\"}",
                        Tokens.payload(iss, ""))),
                DenyReason.KEY_REFERENCE_HEADER);
        add(
                l,
                "x5c header",
                verify(() -> rsa("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"x5c\":[\"MIIB\"]}", Tokens.payload(iss, ""))),
                DenyReason.KEY_REFERENCE_HEADER);
        add(
                l,
                "embedded jwk header signed by the attacker",
                verify(() -> Tokens.raw(
                        "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"jwk\":"
                                + TestKeys.ATTACKER_RSA.toPublicJWK().toJSONString() + "}",
                        Tokens.payload(iss, ""),
                        TestKeys.ATTACKER_RSA,
                        JWSAlgorithm.RS256)),
                DenyReason.KEY_REFERENCE_HEADER);
        add(
                l,
                "disallowed typ",
                verify(() ->
                        rsa("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":\"secevent+jwt\"}", Tokens.payload(iss, ""))),
                DenyReason.TYP_NOT_ALLOWED);
        // --- issuer and keys
        add(
                l,
                "wrong iss",
                verify(() -> Tokens.rs256(Tokens.claims("https://evil.example").build())),
                DenyReason.ISSUER_NOT_ALLOWED);
        add(
                l,
                "trailing-slash iss",
                verify(() -> Tokens.rs256(Tokens.claims(iss + "/").build())),
                DenyReason.ISSUER_NOT_ALLOWED);
        add(
                l,
                "missing iss",
                verify(() -> Tokens.rs256(Tokens.claims(iss).issuer(null).build())),
                DenyReason.ISSUER_NOT_ALLOWED);
        add(
                l,
                "unknown kid",
                verify(() -> Tokens.raw(
                        header("rsa-404", "RS256"), Tokens.payload(iss, ""), TestKeys.RSA_1, JWSAlgorithm.RS256)),
                DenyReason.KID_UNKNOWN);
        add(
                l,
                "kid of the wrong key type (EC key for RS256)",
                verify(() -> Tokens.raw(
                        header("ec-1", "RS256"), Tokens.payload(iss, ""), TestKeys.RSA_1, JWSAlgorithm.RS256)),
                DenyReason.KEY_MISMATCH);
        add(
                l,
                "key published with use=enc",
                verify(() -> Tokens.raw(
                        header("rsa-enc", "RS256"), Tokens.payload(iss, ""), TestKeys.RSA_ENC, JWSAlgorithm.RS256)),
                DenyReason.KEY_MISMATCH);
        add(
                l,
                "key published for another alg",
                verify(() -> Tokens.raw(
                        header("rsa-alg512", "RS256"),
                        Tokens.payload(iss, ""),
                        TestKeys.RSA_ALG_512,
                        JWSAlgorithm.RS256)),
                DenyReason.KEY_MISMATCH);
        add(
                l,
                "1024-bit RSA key",
                verify(() -> Tokens.raw(
                        header("rsa-weak", "RS256"), Tokens.payload(iss, ""), TestKeys.RSA_WEAK, JWSAlgorithm.RS256)),
                DenyReason.KEY_MISMATCH);
        add(
                l,
                "attacker's key under a known kid",
                verify(() -> Tokens.signed(
                        TestKeys.ATTACKER_RSA,
                        JWSAlgorithm.RS256,
                        Tokens.claims(iss).build())),
                DenyReason.SIGNATURE_INVALID);
        add(
                l,
                "tampered payload",
                verify(() -> {
                    String[] p = parts(valid());
                    return p[0] + "." + Tokens.b64(Tokens.payload(iss, ",\"admin\":true")) + "." + p[2];
                }),
                DenyReason.SIGNATURE_INVALID);
        add(
                l,
                "tampered signature",
                verify(() -> {
                    String[] p = parts(valid());
                    return p[0] + "." + p[1] + "." + flipMiddle(p[2]);
                }),
                DenyReason.SIGNATURE_INVALID);
        add(
                l,
                "ES256 all-zero signature",
                verify(() -> Tokens.b64(header("ec-1", "ES256")) + "." + Tokens.b64(Tokens.payload(iss, "")) + "."
                        + Tokens.b64(new byte[64])),
                DenyReason.SIGNATURE_INVALID);
        add(
                l,
                "ES256 signature of the wrong length",
                verify(() -> Tokens.b64(header("ec-1", "ES256")) + "." + Tokens.b64(Tokens.payload(iss, "")) + "."
                        + Tokens.b64(new byte[63])),
                DenyReason.SIGNATURE_INVALID);
        // --- claims
        add(
                l,
                "expired an hour ago",
                verify(() -> rsa(
                        header("rsa-1", "RS256"),
                        "{\"iss\":\"" + iss + "\",\"aud\":\"" + Tokens.AUDIENCE + "\",\"iat\":" + (now - 7200)
                                + ",\"exp\":" + (now - 3600) + "}")),
                DenyReason.EXPIRED);
        add(
                l,
                "expired just beyond the 60 s skew",
                verify(() -> rsa(
                        header("rsa-1", "RS256"),
                        "{\"iss\":\"" + iss + "\",\"aud\":\"" + Tokens.AUDIENCE + "\",\"iat\":" + (now - 700)
                                + ",\"exp\":" + (now - 62) + "}")),
                DenyReason.EXPIRED);
        add(
                l,
                "missing exp",
                verify(() -> rsa(
                        header("rsa-1", "RS256"),
                        "{\"iss\":\"" + iss + "\",\"aud\":\"" + Tokens.AUDIENCE + "\",\"iat\":" + now + "}")),
                DenyReason.EXP_MISSING);
        add(
                l,
                "exp as a string",
                verify(() -> rsa(
                        header("rsa-1", "RS256"),
                        "{\"iss\":\"" + iss + "\",\"aud\":\"" + Tokens.AUDIENCE + "\",\"exp\":\"" + (now + 600)
                                + "\"}")),
                DenyReason.CLAIMS_INVALID);
        add(
                l,
                "nbf in the future",
                verify(() -> rsa(header("rsa-1", "RS256"), Tokens.payload(iss, ",\"nbf\":" + (now + 3600)))),
                DenyReason.NOT_YET_VALID);
        add(
                l,
                "iat a day in the future",
                verify(() -> rsa(
                        header("rsa-1", "RS256"),
                        "{\"iss\":\"" + iss + "\",\"aud\":\"" + Tokens.AUDIENCE + "\",\"iat\":" + (now + 86400)
                                + ",\"exp\":" + (now + 86400 + 60) + "}")),
                DenyReason.IAT_IN_FUTURE);
        add(
                l,
                "lifetime beyond the configured day",
                verify(() -> rsa(
                        header("rsa-1", "RS256"),
                        "{\"iss\":\"" + iss + "\",\"aud\":\"" + Tokens.AUDIENCE + "\",\"iat\":" + now + ",\"exp\":"
                                + (now + 2 * 86400) + "}")),
                DenyReason.LIFETIME_TOO_LONG);
        add(
                l,
                "wrong aud",
                verify(() ->
                        Tokens.rs256(Tokens.claims(iss).audience("api://other").build())),
                DenyReason.AUDIENCE_NOT_ALLOWED);
        add(
                l,
                "missing aud",
                verify(() ->
                        Tokens.rs256(Tokens.claims(iss).audience((String) null).build())),
                DenyReason.AUDIENCE_NOT_ALLOWED);
        // --- key source trouble
        add(l, "JWKS down, empty cache", withFreshServer(JwksServer.Mode.DOWN), DenyReason.KEY_SOURCE_UNAVAILABLE);
        add(l, "JWKS returns garbage", withFreshServer(JwksServer.Mode.GARBAGE), DenyReason.KEY_SOURCE_UNAVAILABLE);
        add(
                l,
                "JWKS body over the size limit",
                withFreshServer(JwksServer.Mode.OVERSIZED),
                DenyReason.KEY_SOURCE_UNAVAILABLE);
        add(
                l,
                "JWKS slower than the read timeout",
                withFreshServer(JwksServer.Mode.SLOW),
                DenyReason.KEY_SOURCE_UNAVAILABLE);
        add(l, "key removed from the JWKS, after the cache TTL", keyRemovedAfterTtl(), DenyReason.KID_UNKNOWN);
        return l.stream();
    }

    private static void add(List<Arguments> l, String name, Case c, DenyReason expected) {
        l.add(Arguments.of(named(name, c), expected));
    }

    @Test
    void cases_matrix_hasAtLeast35Cases() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(35);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cases")
    void verify_badToken_deniesWithReason(Case c, DenyReason expected) throws Exception {
        Decision d = c.run();

        assertThat(d.allowed()).as("allowed").isFalse();
        assertThat(d.reason()).as(d.detail()).isEqualTo(expected);
        assertThat(d.detail()).as("detail is token-free").doesNotContain("eyJ");
    }

    @Test
    void verify_validRs256AndEs256_allowed() {
        Decision rs = verifier.verify("Bearer " + valid());
        Decision es = verifier.verify("bEaReR "
                + Tokens.signed(
                        TestKeys.EC_1, JWSAlgorithm.ES256, Tokens.claims(iss).build()));

        assertThat(rs.allowed()).as(rs.detail()).isTrue();
        assertThat(rs.claims().subject()).isEqualTo(Tokens.SUBJECT);
        assertThat(rs.claims().keyId()).isEqualTo("rsa-1");
        assertThat(rs.claims().scopes()).containsExactly("orders/read", "orders/write");
        assertThat(rs.claims().groups()).containsExactly("admins");
        assertThat(es.allowed()).as(es.detail()).isTrue();
        assertThat(es.claims().keyId()).isEqualTo("ec-1");
    }

    @Test
    void verify_expiredWithinSkew_allowed() {
        long now = Tokens.now();
        String token = rsa(
                header("rsa-1", "RS256"),
                "{\"iss\":\"" + iss + "\",\"aud\":\"" + Tokens.AUDIENCE + "\",\"iat\":" + (now - 600) + ",\"exp\":"
                        + (now - 30) + "}");

        Decision d = verifier.verify(token);

        assertThat(d.allowed()).as(d.detail()).isTrue();
    }

    @Test
    void verify_typVariants_allowedCaseInsensitivelyOrAbsent() {
        for (String typ : new String[] {"\"JWT\"", "\"at+jwt\"", "\"application/at+JWT\""}) {
            String token = rsa("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":" + typ + "}", Tokens.payload(iss, ""));
            assertThat(verifier.verify(token).allowed()).as(typ).isTrue();
        }
        assertThat(verifier.verify(rsa("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", Tokens.payload(iss, "")))
                        .allowed())
                .as("absent typ")
                .isTrue();
    }
}
