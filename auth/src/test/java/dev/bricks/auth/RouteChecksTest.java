package dev.bricks.auth;

import static dev.bricks.auth.AuthorizerResponseTest.METHOD_ARN;
import static dev.bricks.auth.AuthorizerResponseTest.WHOLE_REST;
import static dev.bricks.auth.AuthorizerResponseTest.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.core.http.HttpMethod;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Per-route checks: {@code checkClaims} sees the called route, a decision cached for one route never allows
 * another, and overriding {@code checkClaims} makes policies name the called route unless configured otherwise.
 */
class RouteChecksTest {

    @RegisterExtension
    static final JwksPerClass server = new JwksPerClass(TestKeys.RSA_1.toPublicJWK());

    static final String ARN_PREFIX = "arn:aws:execute-api:us-east-1:123456789012:abcdef123/prod/";

    /** orders/write on POST /order, orders/read on GET /orders; every other route denied. */
    static class Orders extends RestTokenAuthorizer {
        final List<CalledRoute> seen = new ArrayList<>();
        final List<Decision> decisions = new ArrayList<>();

        Orders(AuthorizerOptions options) {
            super(options);
        }

        @Override
        protected void checkClaims(VerifiedClaims claims, CalledRoute route) throws ClaimCheckException {
            seen.add(route);
            String needed = route.is(HttpMethod.POST, "/order")
                    ? "orders/write"
                    : route.is(HttpMethod.GET, "/orders") ? "orders/read" : null;
            if (needed == null || !claims.scopes().contains(needed)) {
                throw new ClaimCheckException("scope " + needed + " missing for " + route);
            }
        }

        @Override
        protected void onDecision(Decision decision) {
            decisions.add(decision);
        }
    }

    static String event(String token, String methodAndPath) {
        return "{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer " + token + "\",\"methodArn\":\"" + ARN_PREFIX
                + methodAndPath + "\"}";
    }

    static String token(String scope) {
        return Tokens.rs256(Tokens.claims(server.issuer()).claim("scope", scope).build());
    }

    @Test
    void checkClaims_readOnlyToken_allowedOnReadRouteDeniedOnWriteRoute() throws IOException {
        Orders a = new Orders(server.options().audiences(Tokens.AUDIENCE).build());
        String reader = token("orders/read");

        String read = invoke(a, event(reader, "GET/orders"));
        String write = invoke(a, event(reader, "POST/order"));

        assertThat(read).contains("\"Effect\":\"Allow\"").contains("\"Resource\":\"" + ARN_PREFIX + "GET/orders\"");
        assertThat(write).contains("\"Effect\":\"Deny\"").contains("\"Resource\":\"" + ARN_PREFIX + "POST/order\"");
        assertThat(a.decisions.get(1).reason()).isEqualTo(DenyReason.CLAIM_CHECK_FAILED);
        assertThat(a.seen)
                .containsExactly(
                        new CalledRoute(HttpMethod.GET, "/orders"), new CalledRoute(HttpMethod.POST, "/order"));
    }

    @Test
    void checkClaims_writeToken_allowedOnWriteRoute() throws IOException {
        Orders a = new Orders(server.options().audiences(Tokens.AUDIENCE).build());

        assertThat(invoke(a, event(token("orders/write"), "POST/order"))).contains("\"Effect\":\"Allow\"");
        assertThat(invoke(a, event(token("orders/write"), "DELETE/orders/1"))).contains("\"Effect\":\"Deny\"");
    }

    @Test
    void decisionCache_allowCachedForOneRoute_neverAllowsAnotherUncheckedRoute() throws IOException {
        Orders a = new Orders(server.options().audiences(Tokens.AUDIENCE).build());
        String reader = token("orders/read");

        invoke(a, event(reader, "GET/orders"));
        invoke(a, event(reader, "GET/orders"));
        String write = invoke(a, event(reader, "POST/order"));

        assertThat(write).contains("\"Effect\":\"Deny\"");
        assertThat(a.seen)
                .as("checkClaims runs on every invocation, cache hit or not")
                .hasSize(3);
        assertThat(a.decisions.get(1).claims())
                .as("the second GET was a cache hit")
                .isNotNull();
    }

    @Test
    void policyResource_checkClaimsOverridden_defaultsToCalledRoute() throws IOException {
        Orders a = new Orders(server.options().audiences(Tokens.AUDIENCE).build());

        assertThat(a.policyResource()).isEqualTo(PolicyResource.CALLED_ROUTE);
        assertThat(invoke(a, event(token("orders/read"), "GET/orders")))
                .contains("\"Resource\":\"" + ARN_PREFIX + "GET/orders\"");
    }

    @Test
    void policyResource_explicitWholeApiWithRouteChecks_keptAndWarnedAbout() throws IOException {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Orders a;
        try {
            a = new Orders(server.options()
                    .audiences(Tokens.AUDIENCE)
                    .policyResource(PolicyResource.WHOLE_API)
                    .build());
        } finally {
            System.setErr(original);
        }

        assertThat(a.policyResource()).isEqualTo(PolicyResource.WHOLE_API);
        assertThat(invoke(a, event(token("orders/read"), "GET/orders")))
                .contains("\"Resource\":\"" + WHOLE_REST + "\"");
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("WARN").contains("whole API");
    }

    /** A simple-response authorizer with a route check: what API Gateway's cache must key by route. */
    static HttpApiSimpleAuthorizer simpleWithRouteCheck() {
        return new HttpApiSimpleAuthorizer(
                server.options().audiences(Tokens.AUDIENCE).build()) {
            @Override
            protected void checkClaims(VerifiedClaims claims, CalledRoute route) throws ClaimCheckException {
                if (!claims.scopes().contains("orders/read")) {
                    throw new ClaimCheckException("orders/read missing");
                }
            }
        };
    }

    /** What the authorizer writes to standard error while {@code run} runs. */
    static String stderrOf(IoAction run) throws IOException {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    interface IoAction {
        void run() throws IOException;
    }

    @Test
    void simpleResponses_routeKeyAmongIdentitySources_noWarning() throws IOException {
        String bearer = "Bearer " + token("orders/read");
        String event = AuthorizerResponseTest.httpEvent(bearer, bearer)
                .replace("\"identitySource\":[\"", "\"identitySource\":[\"GET /orders\",\"");

        String stderr = stderrOf(() -> {
            HttpApiSimpleAuthorizer a = simpleWithRouteCheck();
            assertThat(invoke(a, event)).startsWith("{\"isAuthorized\":true,");
        });

        assertThat(stderr).doesNotContain("identity sources");
    }

    @Test
    void simpleResponses_routeKeyMissingFromIdentitySources_warnedOnce() throws IOException {
        String bearer = "Bearer " + token("orders/read");
        String event = AuthorizerResponseTest.httpEvent(bearer, bearer);

        String stderr = stderrOf(() -> {
            HttpApiSimpleAuthorizer a = simpleWithRouteCheck();
            invoke(a, event);
            invoke(a, event);
        });

        assertThat(stderr).contains("WARN").contains("$context.routeKey");
        assertThat(stderr.split("\\$context\\.routeKey", -1)).as("warned once").hasSize(2);
    }

    @Test
    void policyResource_noOverride_staysWholeApi() {
        AuthorizerResponseTest.Rest a = new AuthorizerResponseTest.Rest(
                server.options().audiences(Tokens.AUDIENCE).build());

        assertThat(a.policyResource()).isEqualTo(PolicyResource.WHOLE_API);
    }

    @Test
    void httpApi_routeArn_givesMethodAndPathToCheckClaims() throws IOException {
        List<CalledRoute> seen = new ArrayList<>();
        HttpApiPolicyAuthorizer a = new HttpApiPolicyAuthorizer(
                server.options().audiences(Tokens.AUDIENCE).build()) {
            @Override
            protected void checkClaims(VerifiedClaims claims, CalledRoute route) {
                seen.add(route);
            }
        };
        String event = AuthorizerResponseTest.httpEvent("Bearer " + token("orders/read"), "x")
                .replace("/$default/GET/orders", "/$default/POST/order");

        assertThat(invoke(a, event)).contains("\"Effect\":\"Allow\"").contains("abcdef123/$default/POST/order\"");
        assertThat(seen).containsExactly(new CalledRoute(HttpMethod.POST, "/order"));
    }

    @Test
    void event_arnWithoutHttpMethod_badRequest() {
        Orders a = new Orders(server.options().audiences(Tokens.AUDIENCE).build());

        assertThatThrownBy(() -> invoke(a, event(token("orders/read"), "FETCH/orders")))
                .isInstanceOf(UnauthorizedException.class);
        assertThat(a.decisions.get(0).reason()).isEqualTo(DenyReason.BAD_REQUEST);
        assertThat(a.seen).isEmpty();
    }

    @Test
    void ofArn_methodAndPath_parsed() {
        assertThat(CalledRoute.ofArn(METHOD_ARN)).isEqualTo(new CalledRoute(HttpMethod.GET, "/orders/42"));
        assertThat(CalledRoute.ofArn(ARN_PREFIX + "POST")).isEqualTo(new CalledRoute(HttpMethod.POST, "/"));
        assertThat(CalledRoute.ofArn(ARN_PREFIX + "*/orders")).isNull();
    }

    @Test
    void under_prefix_matchesWholeSegmentsOnly() {
        CalledRoute r = new CalledRoute(HttpMethod.GET, "/orders/42");

        assertThat(r.under("/orders")).isTrue();
        assertThat(r.under("/orders/")).isTrue();
        assertThat(r.under("/")).isTrue();
        assertThat(new CalledRoute(HttpMethod.GET, "/orders-admin").under("/orders"))
                .isFalse();
        assertThat(r.is(HttpMethod.GET, "/orders/42")).isTrue();
        assertThat(r.is(HttpMethod.POST, "/orders/42")).isFalse();
    }
}
