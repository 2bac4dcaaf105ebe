package dev.bricks.auth;

/**
 * Which resource an IAM policy names. API Gateway caches one policy per token (or per identity-source values)
 * and re-applies it to every route, so the rule is: an answer that depends on the route may only be cached
 * per route. When {@link AuthorizerOptions.Builder#policyResource} is not set, an authorizer uses
 * {@link #WHOLE_API}, unless it overrides {@code checkClaims} (whose answer may depend on the route): then
 * {@link #CALLED_ROUTE}, so a cached Allow can never cover a route {@code checkClaims} did not see.
 */
public enum PolicyResource {
    /**
     * {@code arn:aws:execute-api:region:account:apiId/stage/*}{@code /*}: every method and route of the stage.
     * Safe with API Gateway's authorizer cache as long as the answer does not depend on the route: a policy for
     * the called route only would make the cached answer deny every other route.
     */
    WHOLE_API,
    /**
     * Exactly the called {@code methodArn} / {@code routeArn}. Never allows a route that was not checked; with
     * API Gateway's authorizer cache on, other routes get 403 until the TTL ends unless the route is among the
     * identity sources (or the cache is off, TTL 0).
     */
    CALLED_ROUTE
}
