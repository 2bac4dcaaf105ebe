package dev.bricks.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both authorizer kinds, all four response shapes, asserted byte for byte. */
class AuthorizerResponseTest {

    static final String METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:abcdef123/prod/GET/orders/42";
    static final String ROUTE_ARN = "arn:aws:execute-api:us-east-1:123456789012:abcdef123/$default/GET/orders";
    static final String WHOLE_REST = "arn:aws:execute-api:us-east-1:123456789012:abcdef123/prod/*/*";
    static final String WHOLE_HTTP = "arn:aws:execute-api:us-east-1:123456789012:abcdef123/$default/*/*";

    static JwksServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new JwksServer(TestKeys.RSA_1.toPublicJWK(), TestKeys.EC_1.toPublicJWK());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static AuthorizerOptions.Builder options() {
        return AuthorizerOptions.builder()
                .issuer(server.asIssuer())
                .audiences(Tokens.AUDIENCE)
                .jwksConnectTimeout(Duration.ofSeconds(1))
                .jwksReadTimeout(Duration.ofSeconds(2))
                .jwksSizeLimit(16 * 1024);
    }

    static String token() {
        return Tokens.rs256(Tokens.claims(server.issuer()).build());
    }

    static String expired() {
        long now = Tokens.now();
        return Tokens.rs256(Tokens.claims(server.issuer())
                .issueTime(new java.util.Date((now - 7200) * 1000))
                .expirationTime(new java.util.Date((now - 3600) * 1000))
                .build());
    }

    static String tokenEvent(String token) {
        return "{\"type\":\"TOKEN\",\"authorizationToken\":" + (token == null ? "null" : "\"" + token + "\"")
                + ",\"methodArn\":\"" + METHOD_ARN + "\"}";
    }

    static String requestEvent(String headerName, String value) {
        return "{\"type\":\"REQUEST\",\"methodArn\":\"" + METHOD_ARN + "\",\"resource\":\"/orders/{id}\","
                + "\"path\":\"/orders/42\",\"httpMethod\":\"GET\",\"headers\":{\"Host\":\"x\",\"" + headerName + "\":\""
                + value + "\"},\"queryStringParameters\":{},\"pathParameters\":{\"id\":\"42\"},\"stageVariables\":{},"
                + "\"requestContext\":{\"path\":\"/prod/orders/42\",\"accountId\":\"123456789012\",\"stage\":\"prod\","
                + "\"identity\":{\"sourceIp\":\"203.0.113.9\"},\"httpMethod\":\"GET\",\"apiId\":\"abcdef123\"}}";
    }

    static String httpEvent(String authorization, String identitySource) {
        return "{\"version\":\"2.0\",\"type\":\"REQUEST\",\"routeArn\":\"" + ROUTE_ARN + "\",\"identitySource\":[\""
                + identitySource + "\"],\"routeKey\":\"GET /orders\",\"rawPath\":\"/orders\",\"rawQueryString\":\"\","
                + "\"headers\":{" + (authorization == null ? "" : "\"authorization\":\"" + authorization + "\"")
                + "},\"requestContext\":{\"accountId\":\"123456789012\",\"apiId\":\"abcdef123\",\"http\":"
                + "{\"method\":\"GET\",\"path\":\"/orders\"},\"routeKey\":\"GET /orders\",\"stage\":\"$default\"}}";
    }

    static String invoke(JwtAuthorizer a, String event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        a.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    static class Rest extends RestTokenAuthorizer {
        final List<Decision> decisions = new ArrayList<>();

        Rest(AuthorizerOptions o) {
            super(o);
        }

        @Override
        protected void onDecision(Decision decision) {
            decisions.add(decision);
        }

        DenyReason lastReason() {
            return decisions.get(decisions.size() - 1).reason();
        }
    }

    static final class Request extends RestRequestAuthorizer {
        Request(AuthorizerOptions o) {
            super(o);
        }
    }

    static final class Simple extends HttpApiSimpleAuthorizer {
        Simple(AuthorizerOptions o) {
            super(o);
        }
    }

    static final class Policy extends HttpApiPolicyAuthorizer {
        Policy(AuthorizerOptions o) {
            super(o);
        }
    }

    static String allow(String principal, String resource, String context) {
        return "{\"principalId\":\"" + principal + "\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\"" + resource + "\"}]},"
                + "\"context\":" + context + "}";
    }

    static String deny(String resource) {
        return "{\"principalId\":\"anonymous\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Deny\",\"Resource\":\"" + resource + "\"}]}}";
    }

    @Test
    void restToken_validToken_allowsWholeApiWithDefaultContext() throws IOException {
        String json = invoke(new Rest(options().build()), tokenEvent("Bearer " + token()));

        assertThat(json)
                .isEqualTo(allow(
                        "user-123",
                        WHOLE_REST,
                        "{\"sub\":\"user-123\",\"scope\":\"orders/read orders/write\",\"groups\":\"admins\"}"));
    }

    @Test
    void restToken_calledRouteMode_allowsOnlyMethodArn() throws IOException {
        String json = invoke(
                new Rest(options().policyResource(PolicyResource.CALLED_ROUTE).build()), tokenEvent(token()));

        assertThat(json)
                .isEqualTo(allow(
                        "user-123",
                        METHOD_ARN,
                        "{\"sub\":\"user-123\",\"scope\":\"orders/read orders/write\",\"groups\":\"admins\"}"));
    }

    @Test
    void restToken_customContextAndUsageKey_writtenAsScalars() throws IOException {
        Rest a = new Rest(options().build()) {
            @Override
            protected Map<String, Object> context(VerifiedClaims claims) {
                Map<String, Object> ctx = new LinkedHashMap<>();
                ctx.put("tenant", "acme \"east\"");
                ctx.put("tier", 3L);
                ctx.put("admin", true);
                return ctx;
            }

            @Override
            protected String usageIdentifierKey(VerifiedClaims claims) {
                return "key-" + claims.subject();
            }
        };

        String json = invoke(a, tokenEvent(token()));

        assertThat(json)
                .isEqualTo(allow("user-123", WHOLE_REST, "{\"tenant\":\"acme \\\"east\\\"\",\"tier\":3,\"admin\":true}")
                        .replaceFirst("}$", ",\"usageIdentifierKey\":\"key-user-123\"}"));
    }

    @Test
    void restToken_missingToken_failsWithExactlyUnauthorized() {
        Rest a = new Rest(options().build());

        assertThatThrownBy(() -> invoke(a, tokenEvent(null)))
                .isInstanceOf(UnauthorizedException.class)
                .hasMessage("Unauthorized");
        assertThat(a.lastReason()).isEqualTo(DenyReason.MISSING_TOKEN);
    }

    @Test
    void restToken_malformedToken_failsWithExactlyUnauthorized() {
        Rest a = new Rest(options().build());

        assertThatThrownBy(() -> invoke(a, tokenEvent("Bearer not-a-jwt")))
                .isInstanceOf(UnauthorizedException.class)
                .hasMessage("Unauthorized");
        assertThat(a.lastReason()).isEqualTo(DenyReason.MALFORMED_TOKEN);
    }

    @Test
    void restToken_expiredToken_explicitDeny() throws IOException {
        Rest a = new Rest(options().build());

        assertThat(invoke(a, tokenEvent(expired()))).isEqualTo(deny(WHOLE_REST));
        assertThat(a.lastReason()).isEqualTo(DenyReason.EXPIRED);
    }

    @Test
    void restToken_eventWithoutMethodArn_unauthorized() {
        Rest a = new Rest(options().build());

        assertThatThrownBy(() -> invoke(a, "{\"type\":\"TOKEN\",\"authorizationToken\":\"" + token() + "\"}"))
                .isInstanceOf(UnauthorizedException.class)
                .hasMessage("Unauthorized");
        assertThatThrownBy(() -> invoke(a, "{\"type\":"))
                .isInstanceOf(UnauthorizedException.class)
                .hasMessage("Unauthorized");
        assertThat(a.lastReason()).isEqualTo(DenyReason.BAD_REQUEST);
    }

    @Test
    void restToken_listInContext_deniesContextInvalid() throws IOException {
        Rest a = new Rest(options().build()) {
            @Override
            protected Map<String, Object> context(VerifiedClaims claims) {
                return Map.of("scopes", claims.scopes());
            }
        };

        assertThat(invoke(a, tokenEvent(token()))).isEqualTo(deny(WHOLE_REST));
        assertThat(a.lastReason()).isEqualTo(DenyReason.CONTEXT_INVALID);
    }

    @Test
    void restToken_claimCheckRejects_deniesClaimCheckFailed() throws IOException {
        Rest a = new Rest(options().build()) {
            @Override
            protected void checkClaims(VerifiedClaims claims, CalledRoute route) throws ClaimCheckException {
                if (!claims.groups().contains("billing")) {
                    throw new ClaimCheckException("not in billing");
                }
            }
        };

        assertThat(invoke(a, tokenEvent(token())))
                .as("checkClaims overridden: the called route")
                .isEqualTo(deny(METHOD_ARN));
        assertThat(a.lastReason()).isEqualTo(DenyReason.CLAIM_CHECK_FAILED);
    }

    @Test
    void restToken_userCodeThrows_deniesInternalErrorNot500() throws IOException {
        Rest a = new Rest(options().build()) {
            @Override
            protected void checkClaims(VerifiedClaims claims, CalledRoute route) {
                throw new IllegalStateException("bug in user code");
            }
        };
        Rest b = new Rest(options().build()) {
            @Override
            protected String usageIdentifierKey(VerifiedClaims claims) {
                throw new IllegalStateException("bug in user code");
            }
        };

        assertThat(invoke(a, tokenEvent(token()))).isEqualTo(deny(METHOD_ARN));
        assertThat(a.lastReason()).isEqualTo(DenyReason.INTERNAL_ERROR);
        assertThat(invoke(b, tokenEvent(token()))).isEqualTo(deny(WHOLE_REST));
    }

    @Test
    void restToken_jwksDown_unauthorizedNotCachedDeny() throws IOException {
        try (JwksServer down = new JwksServer(TestKeys.RSA_1.toPublicJWK())) {
            down.mode(JwksServer.Mode.DOWN);
            Rest a = new Rest(AuthorizerOptions.builder()
                    .issuer(down.asIssuer())
                    .audiences(Tokens.AUDIENCE)
                    .build());
            String t = Tokens.rs256(Tokens.claims(down.issuer()).build());

            assertThatThrownBy(() -> invoke(a, tokenEvent(t)))
                    .isInstanceOf(UnauthorizedException.class)
                    .hasMessage("Unauthorized");
            assertThat(a.lastReason()).isEqualTo(DenyReason.KEY_SOURCE_UNAVAILABLE);
        }
    }

    @Test
    void restRequest_headerInAnyCase_allows() throws IOException {
        String json = invoke(new Request(options().build()), requestEvent("AUTHORIZATION", "BEARER " + token()));

        assertThat(json)
                .isEqualTo(allow(
                        "user-123",
                        WHOLE_REST,
                        "{\"sub\":\"user-123\",\"scope\":\"orders/read orders/write\",\"groups\":\"admins\"}"));
    }

    @Test
    void restRequest_badSignature_explicitDeny() throws IOException {
        String t = token();
        String tampered = t.substring(0, t.lastIndexOf('.') + 1)
                + SecurityMatrixTest.flipMiddle(t.substring(t.lastIndexOf('.') + 1));

        assertThat(invoke(new Request(options().build()), requestEvent("Authorization", "Bearer " + tampered)))
                .isEqualTo(deny(WHOLE_REST));
    }

    @Test
    void httpSimple_validToken_isAuthorizedWithListContext() throws IOException {
        String json = invoke(new Simple(options().build()), httpEvent("Bearer " + token(), "Bearer x"));

        assertThat(json)
                .isEqualTo("{\"isAuthorized\":true,\"context\":{\"sub\":\"user-123\","
                        + "\"scopes\":[\"orders/read\",\"orders/write\"],\"groups\":[\"admins\"]}}");
    }

    @Test
    void httpSimple_noHeader_usesIdentitySource() throws IOException {
        String json = invoke(new Simple(options().build()), httpEvent(null, "Bearer " + token()));

        assertThat(json).startsWith("{\"isAuthorized\":true,");
    }

    @Test
    void httpSimple_badInputs_isAuthorizedFalseNeverAnError() throws IOException {
        Simple a = new Simple(options().build());

        assertThat(invoke(a, httpEvent("Bearer " + expired(), "x"))).isEqualTo("{\"isAuthorized\":false}");
        assertThat(invoke(a, httpEvent("Bearer a.b", "x"))).isEqualTo("{\"isAuthorized\":false}");
        assertThat(invoke(a, httpEvent(null, ""))).isEqualTo("{\"isAuthorized\":false}");
        assertThat(invoke(a, "not json")).isEqualTo("{\"isAuthorized\":false}");
    }

    @Test
    void httpPolicy_validAndBad_exactPolicies() throws IOException {
        Policy a = new Policy(options().build());

        assertThat(invoke(a, httpEvent("Bearer " + token(), "x")))
                .isEqualTo(
                        allow(
                                "user-123",
                                WHOLE_HTTP,
                                "{\"sub\":\"user-123\",\"scopes\":[\"orders/read\",\"orders/write\"],\"groups\":[\"admins\"]}"));
        assertThat(invoke(a, httpEvent("Bearer " + expired(), "x"))).isEqualTo(deny(WHOLE_HTTP));
        assertThat(invoke(a, httpEvent(null, ""))).isEqualTo(deny(WHOLE_HTTP));
    }

    @Test
    void deny_logLine_givesReasonCodeNeverTheToken() throws IOException {
        Rest a = new Rest(options().build());
        String t = expired();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            invoke(a, tokenEvent(t));
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(log).contains("bricks-auth deny reason=EXPIRED");
        assertThat(log).doesNotContain(t.substring(t.lastIndexOf('.') + 1)).doesNotContain(t.substring(0, 20));
    }

    @Test
    void claimCheckFailed_userMessageWithClaimValues_neitherInDetailNorInInfoLog() throws IOException {
        Rest a = new Rest(options().build()) {
            @Override
            protected void checkClaims(VerifiedClaims claims, CalledRoute route) throws ClaimCheckException {
                throw new ClaimCheckException("tenant secret-tenant-77 of " + claims.subject() + " is suspended");
            }
        };
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            invoke(a, tokenEvent(token()));
        } finally {
            System.setErr(original);
        }
        Decision d = a.decisions.get(0);

        assertThat(d.reason()).isEqualTo(DenyReason.CLAIM_CHECK_FAILED);
        assertThat(d.detail()).doesNotContain("secret-tenant-77").doesNotContain(Tokens.SUBJECT);
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("reason=CLAIM_CHECK_FAILED")
                .doesNotContain("secret-tenant-77");
    }

    @Test
    void es256Token_allowedWhenConfigured() throws IOException {
        Simple a = new Simple(options().algorithms(SignatureAlgorithm.ES256).build());
        String es = Tokens.signed(
                TestKeys.EC_1,
                JWSAlgorithm.ES256,
                Tokens.claims(server.issuer()).build());

        assertThat(invoke(a, httpEvent("Bearer " + es, "x"))).startsWith("{\"isAuthorized\":true,");
        assertThat(invoke(a, httpEvent("Bearer " + token(), "x"))).isEqualTo("{\"isAuthorized\":false}");
    }

    @Test
    void constructor_fetchesJwksOnceAtInit_notPerInvocation() throws Exception {
        try (JwksServer s = new JwksServer(TestKeys.RSA_1.toPublicJWK())) {
            Rest a = new Rest(AuthorizerOptions.builder()
                    .issuer(s.asIssuer())
                    .audiences(Tokens.AUDIENCE)
                    .noDecisionCache()
                    .build());
            assertThat(s.jwksRequests()).as("fetched at init").isEqualTo(1);
            a.beforeCheckpoint(null);
            a.restoreRefresh().afterRestore(null);

            for (int i = 0; i < 5; i++) {
                String t = Tokens.rs256(
                        Tokens.claims(s.issuer()).subject("user-" + i).build());
                assertThat(invoke(a, tokenEvent(t))).contains("\"Effect\":\"Allow\"");
            }

            assertThat(s.jwksRequests())
                    .as("no fetch per invocation or priming with a warm cache")
                    .isEqualTo(1);
        }
    }

    @Test
    void restToken_calledRouteModeWithDecisionCache_eachRouteGetsItsOwnResource() throws IOException {
        Rest a = new Rest(options().policyResource(PolicyResource.CALLED_ROUTE).build());
        String t = token();
        String other = METHOD_ARN.replace("GET/orders/42", "POST/orders");

        String first = invoke(a, tokenEvent(t));
        String second = invoke(a, tokenEvent(t).replace(METHOD_ARN, other));

        assertThat(first).contains("\"Resource\":\"" + METHOD_ARN + "\"");
        assertThat(second).contains("\"Resource\":\"" + other + "\"").contains("\"Effect\":\"Allow\"");
    }
}
