package dev.bricks.test;

import dev.bricks.core.http.HttpMethod;
import dev.bricks.core.http.PayloadVersion;
import dev.bricks.core.json.Json;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds one API Gateway proxy event as API Gateway sends it: for payload 2.0 lower-case {@code headers} (repeated
 * values comma-joined), {@code rawQueryString} and {@code queryStringParameters}, {@code cookies},
 * {@code requestContext.http}; for payload 1.0 {@code headers} and {@code multiValueHeaders},
 * {@code queryStringParameters} and {@code multiValueQueryStringParameters}, {@code requestContext.identity}.
 * Made by {@link HttpEvents}; one named setter per part. Not thread-safe: build an event per test.
 *
 * <pre>{@code
 * String event = HttpEvents.v2().post("/order").bearer(token).json(order).build();
 * }</pre>
 */
public final class HttpEventBuilder extends EventBuilder {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final PayloadVersion version;
    private HttpMethod method = HttpMethod.GET;
    private String path = "/";
    private String route;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private final Map<String, String> stageVariables = new LinkedHashMap<>();
    private final List<String> cookies = new ArrayList<>();
    private String body;
    private boolean base64;
    private String requestId = "test-gateway-request";
    private String sourceIp = "192.0.2.1";
    private String stage;
    private Instant time = Instant.parse("2026-12-03T09:00:00Z");
    private Map<String, Object> jwtClaims;
    private Map<String, Object> authorizerContext;

    HttpEventBuilder(PayloadVersion version) {
        this.version = version;
        this.stage = version == PayloadVersion.V2 ? "$default" : "prod";
    }

    /** Sets the method and the request path (without query string; a {@code ?…} part is split into the query). */
    public HttpEventBuilder method(HttpMethod method, String path) {
        this.method = Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', was '" + path + "'");
        }
        int q = path.indexOf('?');
        this.path = q < 0 ? path : path.substring(0, q);
        if (q >= 0) {
            for (String pair : path.substring(q + 1).split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    query(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
                }
            }
        }
        return this;
    }

    /** {@code GET path}. */
    public HttpEventBuilder get(String path) {
        return method(HttpMethod.GET, path);
    }

    /** {@code POST path}. */
    public HttpEventBuilder post(String path) {
        return method(HttpMethod.POST, path);
    }

    /** {@code PUT path}. */
    public HttpEventBuilder put(String path) {
        return method(HttpMethod.PUT, path);
    }

    /** {@code PATCH path}. */
    public HttpEventBuilder patch(String path) {
        return method(HttpMethod.PATCH, path);
    }

    /** {@code DELETE path}. */
    public HttpEventBuilder delete(String path) {
        return method(HttpMethod.DELETE, path);
    }

    /**
     * The route template API Gateway matched, such as {@code /orders/{orderId}}: the {@code routeKey}
     * ({@code "GET /orders/{orderId}"}) on 2.0, the {@code resource} on 1.0. Unset: {@code $default} on 2.0, the
     * path itself on 1.0.
     */
    public HttpEventBuilder route(String template) {
        this.route = Objects.requireNonNull(template, "template");
        return this;
    }

    /** Adds a header value (a repeated name keeps every value). */
    public HttpEventBuilder header(String name, String value) {
        headers.computeIfAbsent(Objects.requireNonNull(name, "name"), k -> new ArrayList<>())
                .add(Objects.requireNonNull(value, "value"));
        return this;
    }

    /** {@code Authorization: Bearer <token>}. */
    public HttpEventBuilder bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    /** Adds a query parameter value (unencoded; the builder encodes the raw query string). */
    public HttpEventBuilder query(String name, String value) {
        query.computeIfAbsent(Objects.requireNonNull(name, "name"), k -> new ArrayList<>())
                .add(Objects.requireNonNull(value, "value"));
        return this;
    }

    /** A path parameter as API Gateway extracted it from the route (see {@link #route(String)}). */
    public HttpEventBuilder pathParameter(String name, String value) {
        pathParameters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** A stage variable. */
    public HttpEventBuilder stageVariable(String name, String value) {
        stageVariables.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** A cookie {@code name=value}: the {@code cookies} list on 2.0, a {@code Cookie} header on 1.0. */
    public HttpEventBuilder cookie(String name, String value) {
        cookies.add(name + "=" + value);
        return this;
    }

    /**
     * The body: {@code value} written as JSON by Bricks' mapper (a {@code String} is taken as JSON text as is), with
     * {@code Content-Type: application/json}.
     */
    public HttpEventBuilder json(Object value) {
        String text = value instanceof String s ? s : Json.writeString(value);
        return body("application/json", text);
    }

    /** A text body with its content type. */
    public HttpEventBuilder body(String contentType, String text) {
        this.body = Objects.requireNonNull(text, "text");
        this.base64 = false;
        return contentType(contentType);
    }

    /** A binary body, base64-encoded with {@code isBase64Encoded: true} as API Gateway sends it. */
    public HttpEventBuilder body(String contentType, byte[] bytes) {
        this.body = Base64.getEncoder().encodeToString(bytes);
        this.base64 = true;
        return contentType(contentType);
    }

    private HttpEventBuilder contentType(String contentType) {
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("content-type"));
        return header("Content-Type", Objects.requireNonNull(contentType, "contentType"));
    }

    /** The gateway's {@code requestContext.requestId} (default {@code test-gateway-request}). */
    public HttpEventBuilder requestId(String requestId) {
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        return this;
    }

    /** The caller's address (default {@code 192.0.2.1}, a documentation address). */
    public HttpEventBuilder sourceIp(String sourceIp) {
        this.sourceIp = Objects.requireNonNull(sourceIp, "sourceIp");
        return this;
    }

    /** The stage (default {@code $default} on 2.0, {@code prod} on 1.0). */
    public HttpEventBuilder stage(String stage) {
        this.stage = Objects.requireNonNull(stage, "stage");
        return this;
    }

    /** The request time in {@code requestContext} (default 2026-12-03T09:00:00Z). */
    public HttpEventBuilder time(Instant time) {
        this.time = Objects.requireNonNull(time, "time");
        return this;
    }

    /**
     * Claims of a JWT the gateway verified: {@code requestContext.authorizer.jwt.claims} on 2.0, Cognito's
     * {@code requestContext.authorizer.claims} on 1.0.
     */
    public HttpEventBuilder jwtClaims(Map<String, ?> claims) {
        this.jwtClaims = new LinkedHashMap<>(claims);
        return this;
    }

    /**
     * The context a Lambda authorizer returned: {@code requestContext.authorizer.lambda} on 2.0, the keys of
     * {@code requestContext.authorizer} (with {@code principalId}) on 1.0.
     */
    public HttpEventBuilder authorizerContext(Map<String, ?> context) {
        this.authorizerContext = new LinkedHashMap<>(context);
        return this;
    }

    /** The event's JSON text. */
    @Override
    public String build() {
        return Json.writeString(version == PayloadVersion.V2 ? v2() : v1());
    }

    private Map<String, Object> v2() {
        Map<String, Object> event = new LinkedHashMap<>();
        String routeKey = route == null ? "$default" : method.name() + " " + route;
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        event.put("rawQueryString", rawQuery());
        if (!cookies.isEmpty()) {
            event.put("cookies", List.copyOf(cookies));
        }
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((k, v) -> lower.merge(k.toLowerCase(Locale.ROOT), String.join(",", v), (a, b) -> a + "," + b));
        event.put("headers", lower);
        if (!query.isEmpty()) {
            Map<String, String> joined = new LinkedHashMap<>();
            query.forEach((k, v) -> joined.put(k, String.join(",", v)));
            event.put("queryStringParameters", joined);
        }
        if (!pathParameters.isEmpty()) {
            event.put("pathParameters", Map.copyOf(pathParameters));
        }
        if (!stageVariables.isEmpty()) {
            event.put("stageVariables", Map.copyOf(stageVariables));
        }
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", method.name());
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", sourceIp);
        http.put("userAgent", "bricks-test");
        Map<String, Object> ctx = requestContext();
        ctx.put("apiId", "testapi");
        ctx.put("domainName", "testapi.execute-api.us-east-1.amazonaws.com");
        ctx.put("domainPrefix", "testapi");
        ctx.put("http", http);
        ctx.put("routeKey", routeKey);
        ctx.put("timeEpoch", time.toEpochMilli());
        Map<String, Object> authorizer = new LinkedHashMap<>();
        if (jwtClaims != null) {
            authorizer.put("jwt", Map.of("claims", jwtClaims, "scopes", List.of()));
        }
        if (authorizerContext != null) {
            authorizer.put("lambda", authorizerContext);
        }
        if (!authorizer.isEmpty()) {
            ctx.put("authorizer", authorizer);
        }
        event.put("requestContext", ctx);
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", base64);
        return event;
    }

    private Map<String, Object> v1() {
        Map<String, Object> event = new LinkedHashMap<>();
        String resource = route == null ? path : route;
        event.put("resource", resource);
        event.put("path", path);
        event.put("httpMethod", method.name());
        Map<String, List<String>> multiHeaders = new LinkedHashMap<>(headers);
        if (!cookies.isEmpty()) {
            multiHeaders.put("Cookie", List.of(String.join("; ", cookies)));
        }
        Map<String, String> single = new LinkedHashMap<>();
        multiHeaders.forEach((k, v) -> single.put(k, v.get(v.size() - 1)));
        event.put("headers", single);
        event.put("multiValueHeaders", multiHeaders);
        if (query.isEmpty()) {
            event.put("queryStringParameters", null);
            event.put("multiValueQueryStringParameters", null);
        } else {
            Map<String, String> last = new LinkedHashMap<>();
            query.forEach((k, v) -> last.put(k, v.get(v.size() - 1)));
            event.put("queryStringParameters", last);
            event.put("multiValueQueryStringParameters", Map.copyOf(query));
        }
        event.put("pathParameters", pathParameters.isEmpty() ? null : Map.copyOf(pathParameters));
        event.put("stageVariables", stageVariables.isEmpty() ? null : Map.copyOf(stageVariables));
        Map<String, Object> ctx = requestContext();
        ctx.put("resourcePath", resource);
        ctx.put("httpMethod", method.name());
        ctx.put("path", "/" + stage + path);
        ctx.put("requestTimeEpoch", time.toEpochMilli());
        ctx.put("identity", Map.of("sourceIp", sourceIp, "userAgent", "bricks-test"));
        Map<String, Object> authorizer = new LinkedHashMap<>();
        if (jwtClaims != null) {
            authorizer.put("claims", jwtClaims);
        }
        if (authorizerContext != null) {
            authorizer.putAll(authorizerContext);
        }
        if (!authorizer.isEmpty()) {
            ctx.put("authorizer", authorizer);
        }
        event.put("requestContext", ctx);
        event.put("body", body);
        event.put("isBase64Encoded", base64);
        return event;
    }

    /**
     * This request as a client sends it to {@code baseUrl} (the gateway adds the request context itself): method,
     * path after the base URL's path, encoded query, headers, cookies as one {@code Cookie} header, body.
     */
    HttpRequest toHttpRequest(URI baseUrl, Duration timeout) {
        String base = baseUrl.toString();
        String query = rawQuery();
        URI uri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + path
                + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(
                        base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(timeout).method(method.name(), publisher);
        headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies));
        }
        return request.build();
    }

    private Map<String, Object> requestContext() {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("accountId", "123456789012");
        ctx.put("requestId", requestId);
        ctx.put("stage", stage);
        ctx.put(version == PayloadVersion.V2 ? "time" : "requestTime", REQUEST_TIME.format(time));
        return ctx;
    }

    private String rawQuery() {
        List<String> pairs = new ArrayList<>();
        query.forEach((name, values) -> values.forEach(v -> pairs.add(encode(name) + "=" + encode(v))));
        return String.join("&", pairs);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
