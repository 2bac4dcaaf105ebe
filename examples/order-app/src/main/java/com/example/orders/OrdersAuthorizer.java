package com.example.orders;

import dev.bricks.auth.AuthorizerOptions;
import dev.bricks.auth.CalledRoute;
import dev.bricks.auth.ClaimCheckException;
import dev.bricks.auth.HttpApiSimpleAuthorizer;
import dev.bricks.auth.Issuer;
import dev.bricks.auth.VerifiedClaims;
import dev.bricks.core.http.HttpMethod;
import dev.bricks.core.http.PrincipalKeys;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP API's Lambda authorizer: a JWT from {@code JWT_ISSUER} (OpenID Connect discovery finds its keys; a
 * Cognito user pool is one) for {@code JWT_AUDIENCE} (for a Cognito pool: the app client id, and access tokens are
 * expected), with scope {@code orders/write} on {@code POST /order} and {@code orders/read} on every other route.
 * Passes {@code sub}, {@code scopes} and {@code email} on to the functions.
 */
public final class OrdersAuthorizer extends HttpApiSimpleAuthorizer {

    /** The scope {@code POST /order} needs. */
    public static final String WRITE = "orders/write";
    /** The scope the read routes need. */
    public static final String READ = "orders/read";
    /** The context key (and token claim) of the user's mail address. */
    public static final String EMAIL = "email";

    public OrdersAuthorizer() {
        super(options(AppTable.requiredEnv("JWT_ISSUER"), AppTable.requiredEnv("JWT_AUDIENCE")));
    }

    static AuthorizerOptions options(String issuer, String audience) {
        AuthorizerOptions.Builder options = AuthorizerOptions.builder().issuer(Issuer.discovery(issuer));
        if (URI.create(issuer).getHost().startsWith("cognito-idp.")) {
            options.cognitoAccessTokens(audience); // Cognito access tokens carry the scopes, and client_id, no aud
        } else {
            options.audiences(audience);
        }
        return options.build();
    }

    @Override
    protected void checkClaims(VerifiedClaims claims, CalledRoute route) throws ClaimCheckException {
        String needed = route.is(HttpMethod.POST, "/order") ? WRITE : READ;
        if (!claims.scopes().contains(needed)) {
            throw new ClaimCheckException("missing scope " + needed);
        }
    }

    @Override
    protected Map<String, Object> context(VerifiedClaims claims) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put(PrincipalKeys.SUBJECT, claims.subject());
        context.put(PrincipalKeys.SCOPES, claims.scopes());
        String email = claims.string(EMAIL);
        if (email != null) {
            context.put(EMAIL, email);
        }
        return context;
    }
}
