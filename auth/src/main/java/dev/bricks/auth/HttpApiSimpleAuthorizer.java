package dev.bricks.auth;

import dev.bricks.core.http.PrincipalKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP API authorizer, payload format 2.0 with simple responses ({@code enableSimpleResponses}): answers
 * {@code {"isAuthorized":true,"context":{…}}} or {@code {"isAuthorized":false}} — never an error, so never a 500.
 * The token comes from the configured header (default {@code authorization}), else {@code identitySource[0]}.
 * A simple response cannot name a route: with route checks in {@code checkClaims}, turn API Gateway's
 * authorizer cache off or add {@code $context.routeKey} to the identity sources (the first request shows which: a
 * warning is logged once when the route key is not among its identity sources). Thread-safe.
 */
public abstract non-sealed class HttpApiSimpleAuthorizer extends JwtAuthorizer {

    /** Builds the verifier and fetches every issuer's JWKS (Lambda init). */
    protected HttpApiSimpleAuthorizer(AuthorizerOptions options) {
        super(options, Api.HTTP);
    }

    /**
     * Default context: {@code sub}, {@code scopes} (list) and {@code groups} (list), the last two only when
     * non-empty — what
     * {@code dev.bricks.core.http.Principal} reads from {@code requestContext.authorizer.lambda}. Values may be
     * any JSON (lists, maps).
     */
    @Override
    protected Map<String, Object> context(VerifiedClaims claims) {
        return defaultContext(claims);
    }

    @Override
    final String tokenOf(Map<String, Object> event) {
        return httpToken(event, options().tokenHeader());
    }

    @Override
    final boolean policyResponses() {
        return false;
    }

    @Override
    final String render(Decision decision, String arn, String principalId, Map<String, Object> ctx) {
        if (!decision.allowed()) {
            return "{\"isAuthorized\":false}";
        }
        return new JsonOut()
                .raw("{\"isAuthorized\":true,\"context\":")
                .object(ctx)
                .raw("}")
                .toString();
    }

    static Map<String, Object> defaultContext(VerifiedClaims claims) {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put(PrincipalKeys.SUBJECT, claims.subject());
        if (!claims.scopes().isEmpty()) {
            ctx.put(PrincipalKeys.SCOPES, claims.scopes());
        }
        if (!claims.groups().isEmpty()) {
            ctx.put(PrincipalKeys.GROUPS, claims.groups());
        }
        return ctx;
    }

    static String httpToken(Map<String, Object> event, String headerName) {
        String h = header(event, headerName);
        if (h != null) {
            return h;
        }
        if (event.get("identitySource") instanceof List<?> sources
                && !sources.isEmpty()
                && sources.get(0) instanceof String s) {
            return s;
        }
        return null;
    }
}
