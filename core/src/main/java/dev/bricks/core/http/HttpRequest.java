package dev.bricks.core.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An API Gateway request (HTTP API payload 2.0 or REST API / payload 1.0) as one typed value.
 *
 * <p>Header lookups are case-insensitive. Query parameters keep every value
 * ({@link #queryParameterValues(String)}); {@link #queryParameter(String)} gives the first. The body is
 * already base64-decoded when API Gateway encoded it.
 *
 * <p>Immutable and thread-safe. Accessors never return null; absent values are empty.
 */
public final class HttpRequest {

    private final PayloadVersion version;
    private final String method;
    private final String path;
    private final String routeKey;
    private final String resource;
    private final Map<String, List<String>> headers;
    private final Map<String, List<String>> query;
    private final Map<String, String> pathParameters;
    private final Map<String, String> cookies;
    private final Map<String, String> stageVariables;
    private final RequestBody requestBody;
    private final byte[] body;
    private final String requestId;
    private final String stage;
    private final String sourceIp;
    private final Principal principal;

    HttpRequest(
            PayloadVersion version,
            String method,
            String path,
            String routeKey,
            String resource,
            Map<String, List<String>> headers,
            Map<String, List<String>> query,
            Map<String, String> pathParameters,
            Map<String, String> cookies,
            Map<String, String> stageVariables,
            RequestBody requestBody,
            String requestId,
            String stage,
            String sourceIp,
            Principal principal) {
        this.version = version;
        this.method = method;
        this.path = path;
        this.routeKey = routeKey;
        this.resource = resource;
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        this.headers = Collections.unmodifiableMap(h);
        this.query = Map.copyOf(query);
        this.pathParameters = Map.copyOf(pathParameters);
        this.cookies = Map.copyOf(cookies);
        this.stageVariables = Map.copyOf(stageVariables);
        this.requestBody = requestBody;
        this.body = requestBody.bytes();
        this.requestId = requestId == null ? "" : requestId;
        this.stage = stage == null ? "" : stage;
        this.sourceIp = sourceIp == null ? "" : sourceIp;
        this.principal = principal;
    }

    HttpRequest withPathParameters(Map<String, String> parameters) {
        return new HttpRequest(
                version,
                method,
                path,
                routeKey,
                resource,
                headers,
                query,
                parameters,
                cookies,
                stageVariables,
                requestBody,
                requestId,
                stage,
                sourceIp,
                principal);
    }

    /** The event shape this request came from. */
    public PayloadVersion version() {
        return version;
    }

    /** The HTTP method, upper case ({@code POST}). */
    public String method() {
        return method;
    }

    /** The request path as sent ({@code rawPath} for 2.0, {@code path} for 1.0), percent-encoded. */
    public String path() {
        return path;
    }

    /**
     * API Gateway's matched route: {@code routeKey} for 2.0 ({@code "POST /orders/{orderId}"} or
     * {@code "$default"}), {@code "<httpMethod> <resource>"} for 1.0.
     */
    public String routeKey() {
        return routeKey;
    }

    /** The REST API resource template ({@code /orders/{orderId}}), empty for 2.0. */
    public String resource() {
        return resource;
    }

    /** The first value of a header, matched case-insensitively. */
    public Optional<String> header(String name) {
        return first(headers, name);
    }

    /**
     * Every value of a header: 1.0's {@code multiValueHeaders}; for 2.0, API Gateway joins repeated headers
     * with commas into one value, returned as one element.
     */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** Every header; the map's keys are case-insensitive. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParameter(String name) {
        return first(query, name);
    }

    /** Every value of a query parameter, in order. */
    public List<String> queryParameterValues(String name) {
        return query.getOrDefault(name, List.of());
    }

    /** Every query parameter with all its values. */
    public Map<String, List<String>> queryParameters() {
        return query;
    }

    /** A path parameter (from API Gateway, or from the matched {@link Route} template), decoded. */
    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(pathParameters.get(name));
    }

    /** Every path parameter. */
    public Map<String, String> pathParameters() {
        return pathParameters;
    }

    /** A request cookie (2.0's {@code cookies}, or 1.0's {@code Cookie} header). */
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** Every request cookie by name. */
    public Map<String, String> cookies() {
        return cookies;
    }

    /** The stage variables. */
    public Map<String, String> stageVariables() {
        return stageVariables;
    }

    /** The {@code Content-Type} header. */
    public Optional<String> contentType() {
        return header("content-type");
    }

    /** The body bytes, base64-decoded if API Gateway encoded them; empty when there is no body. */
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text; empty when there is no body. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body's length in bytes (after base64 decoding). */
    public int bodyLength() {
        return body.length;
    }

    byte[] bodyUnsafe() {
        return body;
    }

    /** Whether API Gateway delivered the body base64-encoded. */
    public boolean isBase64Encoded() {
        return requestBody.base64Encoded();
    }

    /** False when the body claimed base64 and was not valid base64 ({@link #body()} is then empty). */
    boolean isBodyDecodable() {
        return requestBody.decodable();
    }

    /** API Gateway's request id ({@code requestContext.requestId}). */
    public String requestId() {
        return requestId;
    }

    /** The stage ({@code $default} for HTTP API's default stage). */
    public String stage() {
        return stage;
    }

    /** The caller's source IP as API Gateway saw it. */
    public String sourceIp() {
        return sourceIp;
    }

    /** The authorizer's principal; empty when the route has no authorizer. */
    public Optional<Principal> principal() {
        return Optional.ofNullable(principal);
    }

    @Override
    public String toString() {
        return "HttpRequest[" + version + " " + method + " " + path + ", requestId=" + requestId + "]";
    }

    private static Optional<String> first(Map<String, List<String>> multiMap, String name) {
        List<String> values = multiMap.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
