package dev.bricks.local.gateway;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One request bound to its route: the values every event, authorizer input and answer of this request share.
 *
 * @param request the request
 * @param match the route it matched
 * @param settings region and account
 * @param requestId API Gateway's request id ({@code JKJaXmPLvHcESHA=}-like on HTTP APIs, a UUID on REST)
 * @param host the {@code Host} header (the local {@code domainName}), {@code localhost} when absent
 */
record RequestScope(
        IncomingRequest request, RouteTable.Match match, GatewaySettings settings, String requestId, String host) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static RequestScope of(IncomingRequest request, RouteTable.Match match, GatewaySettings settings) {
        String id;
        if (match.entry().api().kind() == ApiKind.HTTP_API) {
            byte[] bytes = new byte[11];
            RANDOM.nextBytes(bytes);
            id = Base64.getEncoder().encodeToString(bytes);
        } else {
            id = UUID.randomUUID().toString();
        }
        String host = request.firstHeader("Host");
        return new RequestScope(request, match, settings, id, host == null ? "localhost" : host);
    }

    ApiConfig api() {
        return match.entry().api();
    }

    RouteConfig route() {
        return match.entry().route();
    }

    boolean isHttpApi() {
        return api().kind() == ApiKind.HTTP_API;
    }

    /** The route's key as events show it: {@code "GET /orders/{id}"} or {@code "$default"}. */
    String routeKey() {
        return route().routeKey();
    }

    /** REST's {@code resource}: the route's path template ({@code /orders/{orderId}}). */
    String resource() {
        return RouteConfig.DEFAULT_ROUTE.equals(route().path()) ? request.rawPath() : route().path();
    }

    /** The first label of the host, {@code requestContext.domainPrefix}. */
    String domainPrefix() {
        String h = host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        return h.contains(".") ? h.substring(0, h.indexOf('.')) : h;
    }

    /**
     * The ARN an authorizer's policy is checked against:
     * {@code arn:aws:execute-api:<region>:<account>:<apiId>/<stage>/<METHOD>/<path without leading slash>}.
     */
    String methodArn() {
        return "arn:aws:execute-api:" + settings.region() + ":" + settings.accountId() + ":" + api().apiId() + "/"
                + api().stage() + "/" + request.method() + request.rawPath();
    }

    /** Values {@code $context.NAME} / {@code context.NAME} identity sources may read. */
    String contextValue(String name) {
        Map<String, String> values = Map.of(
                "routeKey", routeKey(),
                "httpMethod", request.method(),
                "resourcePath", resource(),
                "path", request.rawPath(),
                "stage", api().stage(),
                "apiId", api().apiId(),
                "requestId", requestId,
                "accountId", settings.accountId(),
                "domainName", host,
                "identity.sourceIp", request.sourceIp());
        return values.get(name);
    }

    /** The request's content type without parameters, lower-cased; empty when absent. */
    String mediaType() {
        String ct = request.firstHeader("Content-Type");
        if (ct == null) {
            return "";
        }
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
