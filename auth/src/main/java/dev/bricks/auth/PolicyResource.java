package dev.bricks.auth;

/** Which resource an IAM policy names. */
public enum PolicyResource {
    /**
     * {@code arn:aws:execute-api:region:account:apiId/stage/*}{@code /*}: every method and route of the stage.
     * The default, because API Gateway caches one policy per token and re-evaluates it for every route: a
     * policy for the called route only would make the cached answer deny every other route.
     */
    WHOLE_API,
    /**
     * Exactly the called {@code methodArn} / {@code routeArn}. Only safe with authorizer caching off (TTL 0) or
     * with the route in the identity sources.
     */
    CALLED_ROUTE
}
