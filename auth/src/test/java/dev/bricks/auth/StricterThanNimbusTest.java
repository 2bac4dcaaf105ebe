package dev.bricks.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tokens a default nimbus {@link DefaultJWTProcessor} (RS256 key selector over the same JWKS, default claims
 * verifier) accepts and Bricks denies — the evidence behind the README's "stricter than nimbus" list.
 */
class StricterThanNimbusTest {

    @RegisterExtension
    static final JwksPerClass server = new JwksPerClass(TestKeys.RSA_1.toPublicJWK());

    static DefaultJWTProcessor<SecurityContext> nimbus;
    static JwtVerifier bricks;

    @BeforeAll
    static void start() throws Exception {
        JWKSource<SecurityContext> source = JWKSourceBuilder.<SecurityContext>create(
                        server.jwksUri().toURL())
                .build();
        nimbus = new DefaultJWTProcessor<>();
        nimbus.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, source));
        bricks = JwtVerifier.create(AuthorizerOptions.builder()
                .issuer(server.asIssuer())
                .audiences(Tokens.AUDIENCE)
                .noDecisionCache()
                .jwksConnectTimeout(Duration.ofSeconds(1))
                .jwksReadTimeout(Duration.ofSeconds(2))
                .jwksSizeLimit(16 * 1024)
                .build());
    }

    static Stream<Arguments> laxer() {
        long now = Tokens.now();
        String iss = server.issuer();
        String aud = "\",\"aud\":\"" + Tokens.AUDIENCE + "\"";
        return Stream.of(
                Arguments.of(
                        "iat a day ahead",
                        SecurityMatrixTest.rsa(
                                "{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}",
                                "{\"iss\":\"" + iss + aud + ",\"iat\":" + (now + 86400) + ",\"exp\":" + (now + 90000)
                                        + "}"),
                        DenyReason.IAT_IN_FUTURE),
                Arguments.of(
                        "no exp",
                        SecurityMatrixTest.rsa(
                                "{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}",
                                "{\"iss\":\"" + iss + aud + ",\"iat\":" + now + "}"),
                        DenyReason.EXP_MISSING),
                Arguments.of(
                        "no kid",
                        SecurityMatrixTest.rsa("{\"alg\":\"RS256\"}", Tokens.payload(iss, "")),
                        DenyReason.KID_MISSING),
                Arguments.of(
                        "payload nested 50 deep",
                        SecurityMatrixTest.rsa(
                                "{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}",
                                Tokens.payload(iss, ",\"x\":" + "[".repeat(50) + "]".repeat(50))),
                        DenyReason.JSON_TOO_DEEP),
                Arguments.of(
                        "x5u header (not followed by nimbus either, but accepted)",
                        SecurityMatrixTest.rsa(
                                "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"x5u\":\"https://evil.example/c\"}",
                                Tokens.payload(iss, "")),
                        DenyReason.KEY_REFERENCE_HEADER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("laxer")
    void verify_tokenNimbusDefaultAccepts_bricksDenies(String name, String token, DenyReason reason) throws Exception {
        JWTClaimsSet accepted = nimbus.process(token, null);

        Decision d = bricks.verify(token);

        assertThat(accepted).as("nimbus default accepts").isNotNull();
        assertThat(d.reason()).as(d.detail()).isEqualTo(reason);
    }
}
