package dev.bricks.auth;

import java.util.Map;

/**
 * HTTP API authorizer, payload format 2.0 with IAM policy responses (simple responses off): an Allow or Deny
 * policy for {@code routeArn} (whole API by default), never an error. Token from the configured header, else
 * {@code identitySource[0]}. Thread-safe.
 */
public abstract non-sealed class HttpApiPolicyAuthorizer extends JwtAuthorizer {

    /** Builds the verifier and fetches every issuer's JWKS (Lambda init). */
    protected HttpApiPolicyAuthorizer(AuthorizerOptions options) {
        super(options, Api.HTTP);
    }

    /** Default context: {@code sub}, {@code scopes} (list), {@code groups} (list); any JSON value allowed. */
    @Override
    protected Map<String, Object> context(VerifiedClaims claims) {
        return HttpApiSimpleAuthorizer.defaultContext(claims);
    }

    @Override
    final String tokenOf(Map<String, Object> event) {
        return HttpApiSimpleAuthorizer.httpToken(event, options().tokenHeader());
    }

    @Override
    final String render(Decision decision, String arn, String principalId, Map<String, Object> ctx) {
        String resource = arn == null ? "*" : resource(arn);
        if (!decision.allowed()) {
            return policy(DENIED_PRINCIPAL, "Deny", resource, null, null);
        }
        return policy(principalId, "Allow", resource, ctx, null);
    }
}
