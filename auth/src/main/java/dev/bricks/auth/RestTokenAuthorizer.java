package dev.bricks.auth;

import dev.bricks.core.http.PrincipalKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * REST API TOKEN authorizer: reads {@code authorizationToken} and {@code methodArn}, answers with an IAM
 * policy. A missing or malformed token (and a JWKS outage) makes the function fail with exactly
 * {@code Unauthorized} (API Gateway: 401); any other bad token gets an explicit Deny policy (403).
 *
 * <pre>{@code
 * public final class OrdersAuthorizer extends RestTokenAuthorizer {
 *     public OrdersAuthorizer() {
 *         super(AuthorizerOptions.builder()
 *                 .issuer(Issuer.cognito("eu-west-1", "eu-west-1_AbCdEf123"))
 *                 .cognitoAccessTokens("3n4b5urk1ft4fl3mg5e62d9ado")
 *                 .requireScopes("orders/write")
 *                 .build());
 *     }
 * }
 * }</pre>
 *
 * Thread-safe.
 */
public abstract non-sealed class RestTokenAuthorizer extends JwtAuthorizer {

    /** Builds the verifier and fetches every issuer's JWKS (Lambda init). */
    protected RestTokenAuthorizer(AuthorizerOptions options) {
        super(options, Api.REST);
    }

    /**
     * Default context: {@code sub}, {@code scope} (space-separated) and {@code groups} (space-separated), the
     * last two only when non-empty — the
     * keys {@code dev.bricks.core.http.Principal} reads downstream. Override to add claims (strings, numbers,
     * booleans only).
     */
    @Override
    protected Map<String, Object> context(VerifiedClaims claims) {
        return RestPolicies.defaultContext(claims);
    }

    /** The API key for usage plans ({@code apiKeySource=AUTHORIZER}); default none (null). */
    protected String usageIdentifierKey(VerifiedClaims claims) {
        return null;
    }

    @Override
    final String tokenOf(Map<String, Object> event) {
        return string(event, "authorizationToken");
    }

    @Override
    final String render(Decision decision, String arn, String principalId, Map<String, Object> ctx) {
        return RestPolicies.render(this, decision, arn, principalId, ctx, this::usageIdentifierKey);
    }

    /** Shared by both REST authorizers. */
    static final class RestPolicies {
        private RestPolicies() {}

        static Map<String, Object> defaultContext(VerifiedClaims claims) {
            Map<String, Object> ctx = new LinkedHashMap<>();
            ctx.put(PrincipalKeys.SUBJECT, claims.subject());
            if (!claims.scopes().isEmpty()) {
                ctx.put(PrincipalKeys.SCOPE, joined(claims.scopes()));
            }
            if (!claims.groups().isEmpty()) {
                ctx.put(PrincipalKeys.GROUPS, joined(claims.groups()));
            }
            return ctx;
        }

        static String render(
                JwtAuthorizer a,
                Decision decision,
                String arn,
                String principalId,
                Map<String, Object> ctx,
                Function<VerifiedClaims, String> usageIdentifierKey) {
            if (arn == null || (!decision.allowed() && decision.reason().unauthorized())) {
                throw new UnauthorizedException(decision.allowed() ? DenyReason.BAD_REQUEST : decision.reason());
            }
            if (decision.allowed()) {
                return a.policy(
                        principalId, "Allow", a.resource(arn), ctx, usageIdentifierKey.apply(decision.claims()));
            }
            return a.policy(DENIED_PRINCIPAL, "Deny", a.resource(arn), null, null);
        }
    }
}
