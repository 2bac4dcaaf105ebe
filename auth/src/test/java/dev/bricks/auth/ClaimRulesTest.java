package dev.bricks.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cognito presets, required scopes and groups: allowed and denied cases. */
class ClaimRulesTest {

    @RegisterExtension
    static final JwksPerClass server = new JwksPerClass(TestKeys.RSA_1.toPublicJWK());

    static AuthorizerOptions.Builder base() {
        return server.options().noDecisionCache();
    }

    static Stream<Arguments> rules() {
        UnaryOperator<AuthorizerOptions.Builder> access = b -> b.cognitoAccessTokens("client-a");
        UnaryOperator<AuthorizerOptions.Builder> id = b -> b.cognitoIdTokens("client-a");
        UnaryOperator<AuthorizerOptions.Builder> scopes =
                b -> b.audiences(Tokens.AUDIENCE).requireScopes("orders/write");
        UnaryOperator<AuthorizerOptions.Builder> groups =
                b -> b.audiences(Tokens.AUDIENCE).requireAnyGroup("ops", "admins");
        return Stream.of(
                Arguments.of(
                        "access token, allowed client",
                        access,
                        (UnaryOperator<JWTClaimsSet.Builder>) c -> c.audience((String) null)
                                .claim("token_use", "access")
                                .claim("client_id", "client-a"),
                        null),
                Arguments.of(
                        "access token, other client",
                        access,
                        (UnaryOperator<JWTClaimsSet.Builder>)
                                c -> c.claim("token_use", "access").claim("client_id", "client-b"),
                        DenyReason.CLIENT_ID_NOT_ALLOWED),
                Arguments.of(
                        "id token where access is required",
                        access,
                        (UnaryOperator<JWTClaimsSet.Builder>)
                                c -> c.claim("token_use", "id").claim("client_id", "client-a"),
                        DenyReason.TOKEN_USE_NOT_ALLOWED),
                Arguments.of(
                        "id token, allowed aud",
                        id,
                        (UnaryOperator<JWTClaimsSet.Builder>)
                                c -> c.audience("client-a").claim("token_use", "id"),
                        null),
                Arguments.of(
                        "id token, other aud",
                        id,
                        (UnaryOperator<JWTClaimsSet.Builder>)
                                c -> c.audience("client-b").claim("token_use", "id"),
                        DenyReason.AUDIENCE_NOT_ALLOWED),
                Arguments.of(
                        "access token where id is required",
                        id,
                        (UnaryOperator<JWTClaimsSet.Builder>)
                                c -> c.audience("client-a").claim("token_use", "access"),
                        DenyReason.TOKEN_USE_NOT_ALLOWED),
                Arguments.of("required scope present", scopes, UnaryOperator.<JWTClaimsSet.Builder>identity(), null),
                Arguments.of(
                        "required scope present in scp list",
                        scopes,
                        (UnaryOperator<JWTClaimsSet.Builder>)
                                c -> c.claim("scope", null).claim("scp", List.of("orders/write")),
                        null),
                Arguments.of(
                        "required scope missing",
                        scopes,
                        (UnaryOperator<JWTClaimsSet.Builder>) c -> c.claim("scope", "orders/read"),
                        DenyReason.SCOPE_MISSING),
                Arguments.of("one of the groups", groups, UnaryOperator.<JWTClaimsSet.Builder>identity(), null),
                Arguments.of(
                        "none of the groups",
                        groups,
                        (UnaryOperator<JWTClaimsSet.Builder>) c -> c.claim("cognito:groups", List.of("guests")),
                        DenyReason.GROUP_MISSING),
                Arguments.of(
                        "no groups claim",
                        groups,
                        (UnaryOperator<JWTClaimsSet.Builder>) c -> c.claim("cognito:groups", null),
                        DenyReason.GROUP_MISSING));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void verify_claimRule_allowsOrDeniesWithReason(
            String name,
            UnaryOperator<AuthorizerOptions.Builder> config,
            UnaryOperator<JWTClaimsSet.Builder> claims,
            DenyReason expected) {
        JwtVerifier v = JwtVerifier.create(config.apply(base()).build());

        Decision d = v.verify(Tokens.signed(
                TestKeys.RSA_1,
                JWSAlgorithm.RS256,
                claims.apply(Tokens.claims(server.issuer())).build()));

        assertThat(d.reason()).as(d.detail()).isEqualTo(expected);
        assertThat(d.allowed()).isEqualTo(expected == null);
    }
}
