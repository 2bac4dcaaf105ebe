package dev.bricks.local.gateway;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One route of an API: a method and path template bound to a function, as a SAM {@code HttpApi} or {@code Api}
 * event declares it.
 *
 * <pre>{@code
 * new RouteConfig("GET", "/orders/{orderId}", "GetOrderFunction", "TokenAuth", PayloadFormat.V2_0);
 * RouteConfig.defaultRoute("CatchAllFunction", null);   // HTTP API "$default"
 * }</pre>
 *
 * @param method {@code GET}, {@code POST}, … or {@code ANY} (upper-cased here); {@code ANY} for {@code $default}
 * @param path a path template starting with {@code /}, with whole-segment variables {@code {name}} and a last
 *     greedy {@code {name+}}; or {@code $default} (HTTP API only) for the route that catches every request
 * @param functionId the function's logical id, as passed to {@link dev.bricks.local.functions.FunctionInvoker}
 * @param authorizer the name of one of the API's {@link AuthorizerConfig}s; null for none
 * @param payloadFormat the event format the function receives; REST routes are always {@link PayloadFormat#V1_0}
 */
public record RouteConfig(
        String method, String path, String functionId, String authorizer, PayloadFormat payloadFormat) {

    /** The path of HTTP API's default route. */
    public static final String DEFAULT_ROUTE = "$default";

    /** The method that matches every method. */
    public static final String ANY = "ANY";

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", ANY);

    /** Validates the values and upper-cases the method. */
    public RouteConfig {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(functionId, "functionId");
        Objects.requireNonNull(payloadFormat, "payloadFormat");
        method = method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("Route method must be one of " + METHODS + ", was " + method);
        }
        if (DEFAULT_ROUTE.equals(path)) {
            if (!ANY.equals(method)) {
                throw new IllegalArgumentException("The $default route takes method ANY, was " + method);
            }
        } else {
            PathPattern.parse(path); // fails fast with the reason
        }
        if (functionId.isBlank()) {
            throw new IllegalArgumentException("Route " + method + " " + path + " has a blank functionId");
        }
    }

    /**
     * HTTP API's {@code $default} route.
     *
     * @param functionId the function's logical id
     * @param authorizer an authorizer name, or null
     * @return the route, payload 2.0
     */
    public static RouteConfig defaultRoute(String functionId, String authorizer) {
        return new RouteConfig(ANY, DEFAULT_ROUTE, functionId, authorizer, PayloadFormat.V2_0);
    }

    /** API Gateway's route key: {@code "GET /orders/{orderId}"} or {@code "$default"}. */
    public String routeKey() {
        return DEFAULT_ROUTE.equals(path) ? DEFAULT_ROUTE : method + " " + path;
    }
}
