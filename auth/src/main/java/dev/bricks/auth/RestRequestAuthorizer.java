package dev.bricks.auth;

import java.util.Map;

/**
 * REST API REQUEST authorizer: reads the token from the header named by
 * {@link AuthorizerOptions.Builder#tokenHeader} (default {@code Authorization}, case-insensitive) and
 * {@code methodArn}; answers like {@link RestTokenAuthorizer} (401 {@code Unauthorized} for a missing or
 * malformed token, explicit Deny policy for a bad one). Thread-safe.
 */
public abstract non-sealed class RestRequestAuthorizer extends JwtAuthorizer {

    /** Builds the verifier and fetches every issuer's JWKS (Lambda init). */
    protected RestRequestAuthorizer(AuthorizerOptions options) {
        super(options, Api.REST);
    }

    /** Default context: {@code sub}, {@code scope} and {@code groups} (space-separated strings). */
    @Override
    protected Map<String, Object> context(VerifiedClaims claims) {
        return RestTokenAuthorizer.RestPolicies.defaultContext(claims);
    }

    /** The API key for usage plans ({@code apiKeySource=AUTHORIZER}); default none (null). */
    protected String usageIdentifierKey(VerifiedClaims claims) {
        return null;
    }

    @Override
    final String tokenOf(Map<String, Object> event) {
        return header(event, options().tokenHeader());
    }

    @Override
    final String render(Decision decision, String arn, String principalId, Map<String, Object> ctx) {
        return RestTokenAuthorizer.RestPolicies.render(this, decision, arn, principalId, ctx, this::usageIdentifierKey);
    }
}
