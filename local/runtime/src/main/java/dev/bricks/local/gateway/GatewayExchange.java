package dev.bricks.local.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the local API gateway answered, as the dev console shows it.
 *
 * @param received when the request arrived; never null
 * @param method the HTTP method; never null
 * @param target the raw path and query; never null
 * @param requestHeaders the request's headers (names as received); never null
 * @param requestBody the request body; empty when none or not read (no route, too large); never null
 * @param requestId API Gateway's request id; null when no route matched
 * @param routeKey the matched route ({@code GET /orders/{id}}); null when none matched
 * @param functionId the route's function; null when none matched
 * @param authorizer the authorizer's decision; null when the route has none (or no route matched)
 * @param status the answer's status code
 * @param responseHeaders the answer's headers; never null
 * @param responseBody the answer's body; never null
 * @param latency from arrival to the answer being ready; never null
 */
public record GatewayExchange(
        Instant received,
        String method,
        String target,
        Map<String, List<String>> requestHeaders,
        byte[] requestBody,
        String requestId,
        String routeKey,
        String functionId,
        AuthorizerDecision authorizer,
        int status,
        List<Map.Entry<String, String>> responseHeaders,
        byte[] responseBody,
        Duration latency) {

    /**
     * What a route's Lambda authorizer decided.
     *
     * @param name the authorizer's name in the template; never null
     * @param allowed whether the request went on to the function
     * @param status the gateway's answer when refused (401, 403, 500); 0 when allowed
     * @param latencyMs the authorizer's latency as API Gateway reports it (0 when cached)
     * @param decided when the decision was known; never null
     */
    public record AuthorizerDecision(String name, boolean allowed, int status, long latencyMs, Instant decided) {}
}
