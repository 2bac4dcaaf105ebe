package dev.bricks.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the Lambda proxy events API Gateway sends: HTTP API payload 2.0, payload 1.0 (REST and HTTP API), and
 * the inputs of Lambda authorizers. Stateless.
 */
final class ProxyEvents {

    /** Init-once, thread-safe after configuration. */
    static final ObjectMapper JSON = new ObjectMapper();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private ProxyEvents() {}

    /** The event of the route's payload format. */
    static ObjectNode routeEvent(RequestScope s) {
        return s.route().payloadFormat() == PayloadFormat.V2_0 ? v2(s, true) : v1(s, true);
    }

    /** Payload 2.0: lower-cased headers with repeats comma-joined, cookies split out, empty members omitted. */
    static ObjectNode v2(RequestScope s, boolean withBody) {
        IncomingRequest r = s.request();
        ObjectNode e = NODES.objectNode();
        e.put("version", "2.0");
        e.put("routeKey", s.routeKey());
        e.put("rawPath", r.rawPath());
        e.put("rawQueryString", r.rawQuery());
        List<String> cookies = new ArrayList<>();
        ObjectNode headers = NODES.objectNode();
        for (Map.Entry<String, List<String>> h : headersWithForwarding(s).entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                for (String header : h.getValue()) {
                    for (String cookie : header.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.trim());
                        }
                    }
                }
                continue;
            }
            String joined = String.join(",", h.getValue());
            JsonNode previous = headers.get(name);
            headers.put(name, previous == null ? joined : previous.asText() + "," + joined);
        }
        if (!cookies.isEmpty()) {
            ArrayNode array = e.putArray("cookies");
            cookies.forEach(array::add);
        }
        e.set("headers", headers);
        Map<String, List<String>> query = r.query();
        if (!query.isEmpty()) {
            ObjectNode q = e.putObject("queryStringParameters");
            query.forEach((k, v) -> q.put(k, String.join(",", v)));
        }
        ObjectNode ctx = e.putObject("requestContext");
        ctx.put("accountId", s.settings().accountId());
        ctx.put("apiId", s.api().apiId());
        ctx.put("domainName", s.host());
        ctx.put("domainPrefix", s.domainPrefix());
        ObjectNode http = ctx.putObject("http");
        http.put("method", r.method());
        http.put("path", r.rawPath());
        http.put("protocol", r.protocol());
        http.put("sourceIp", r.sourceIp());
        http.put("userAgent", orEmpty(r.firstHeader("User-Agent")));
        ctx.put("requestId", s.requestId());
        ctx.put("routeKey", s.routeKey());
        ctx.put("stage", s.api().stage());
        ctx.put("time", TIME.format(r.received()));
        ctx.put("timeEpoch", r.received().toEpochMilli());
        if (!s.match().pathParameters().isEmpty()) {
            ObjectNode p = e.putObject("pathParameters");
            s.match().pathParameters().forEach(p::put);
        }
        if (!s.api().stageVariables().isEmpty()) {
            ObjectNode sv = e.putObject("stageVariables");
            s.api().stageVariables().forEach(sv::put);
        }
        if (withBody) {
            putBody(e, s, isHttpApiBinary(s.mediaType()));
        }
        return e;
    }

    /**
     * Payload 1.0: {@code headers} (last value) and {@code multiValueHeaders}, the same for the query string;
     * absent members are null, as API Gateway sends them.
     */
    static ObjectNode v1(RequestScope s, boolean withBody) {
        IncomingRequest r = s.request();
        ObjectNode e = NODES.objectNode();
        if (s.isHttpApi()) {
            e.put("version", "1.0");
        }
        e.put("resource", s.resource());
        e.put("path", r.rawPath());
        e.put("httpMethod", r.method());
        ObjectNode headers = NODES.objectNode();
        ObjectNode multiHeaders = NODES.objectNode();
        headersWithForwarding(s).forEach((name, values) -> {
            headers.put(name, values.get(values.size() - 1));
            ArrayNode list = multiHeaders.putArray(name);
            values.forEach(list::add);
        });
        e.set("headers", headers);
        e.set("multiValueHeaders", multiHeaders);
        Map<String, List<String>> query = r.query();
        if (query.isEmpty()) {
            e.putNull("queryStringParameters");
            e.putNull("multiValueQueryStringParameters");
        } else {
            ObjectNode q = e.putObject("queryStringParameters");
            ObjectNode mq = e.putObject("multiValueQueryStringParameters");
            query.forEach((k, v) -> {
                q.put(k, v.get(v.size() - 1));
                ArrayNode list = mq.putArray(k);
                v.forEach(list::add);
            });
        }
        putStringMapOrNull(e, "pathParameters", s.match().pathParameters());
        putStringMapOrNull(e, "stageVariables", s.api().stageVariables());
        ObjectNode ctx = e.putObject("requestContext");
        ctx.put("resourceId", s.api().apiId().substring(0, 6));
        ctx.put("resourcePath", s.resource());
        ctx.put("httpMethod", r.method());
        ctx.put("extendedRequestId", s.requestId());
        ctx.put("requestTime", TIME.format(r.received()));
        ctx.put("path", s.isHttpApi() ? r.rawPath() : "/" + s.api().stage() + r.rawPath());
        ctx.put("accountId", s.settings().accountId());
        ctx.put("protocol", r.protocol());
        ctx.put("stage", s.api().stage());
        ctx.put("domainPrefix", s.domainPrefix());
        ctx.put("requestTimeEpoch", r.received().toEpochMilli());
        ctx.put("requestId", s.requestId());
        ObjectNode identity = ctx.putObject("identity");
        for (String field : List.of("cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller")) {
            identity.putNull(field);
        }
        identity.put("sourceIp", r.sourceIp());
        for (String field : List.of(
                "principalOrgId",
                "accessKey",
                "cognitoAuthenticationType",
                "cognitoAuthenticationProvider",
                "userArn")) {
            identity.putNull(field);
        }
        identity.put("userAgent", r.firstHeader("User-Agent"));
        identity.putNull("user");
        ctx.put("domainName", s.host());
        ctx.put("apiId", s.api().apiId());
        if (withBody) {
            boolean binary = s.isHttpApi()
                    ? isHttpApiBinary(s.mediaType())
                    : MediaTypes.matchesAny(s.mediaType(), s.api().binaryMediaTypes());
            if (r.body().length == 0) {
                e.putNull("body");
                e.put("isBase64Encoded", false);
            } else {
                putBody(e, s, binary);
            }
        }
        return e;
    }

    /** HTTP API payload 2.0 authorizer input: the request without its body, plus type, routeArn, identitySource. */
    static ObjectNode authorizerV2(RequestScope s, List<String> identityValues) {
        ObjectNode e = NODES.objectNode();
        e.put("version", "2.0");
        e.put("type", "REQUEST");
        e.put("routeArn", s.methodArn());
        ArrayNode identity = e.putArray("identitySource");
        identityValues.forEach(identity::add);
        ObjectNode request = v2(s, false);
        request.remove("version");
        e.setAll(request);
        return e;
    }

    /** REQUEST authorizer input of payload 1.0 (REST, or an HTTP API authorizer with format 1.0). */
    static ObjectNode authorizerV1Request(RequestScope s, List<String> identityValues) {
        ObjectNode e = NODES.objectNode();
        if (s.isHttpApi()) {
            e.put("version", "1.0");
        }
        e.put("type", "REQUEST");
        e.put("methodArn", s.methodArn());
        if (s.isHttpApi()) {
            e.put("identitySource", String.join(",", identityValues));
            e.put("authorizationToken", String.join(",", identityValues));
        }
        ObjectNode request = v1(s, false);
        request.remove("version");
        e.setAll(request);
        return e;
    }

    /** REST TOKEN authorizer input. */
    static ObjectNode authorizerToken(RequestScope s, String token) {
        ObjectNode e = NODES.objectNode();
        e.put("type", "TOKEN");
        e.put("authorizationToken", token);
        e.put("methodArn", s.methodArn());
        return e;
    }

    /** Hands an allowing authorizer's result to the route's event. */
    static void putAuthorizer(ObjectNode event, RequestScope s, AuthorizerResult result, long latencyMs) {
        ObjectNode ctx = (ObjectNode) event.get("requestContext");
        if (s.route().payloadFormat() == PayloadFormat.V2_0) {
            ObjectNode lambda = ctx.putObject("authorizer").putObject("lambda");
            result.context().fields().forEachRemaining(f -> lambda.set(f.getKey(), f.getValue()));
            return;
        }
        ObjectNode authorizer = ctx.putObject("authorizer");
        if (result.principalId() != null) {
            authorizer.put("principalId", result.principalId());
        }
        authorizer.put("integrationLatency", latencyMs);
        // REST hands context values on as strings (numbers and booleans stringified)
        result.context()
                .fields()
                .forEachRemaining(f -> authorizer.put(
                        f.getKey(),
                        f.getValue().isValueNode()
                                ? f.getValue().asText()
                                : f.getValue().toString()));
    }

    /** The request's headers plus the ones API Gateway adds ({@code X-Forwarded-For/-Port/-Proto}). */
    private static Map<String, List<String>> headersWithForwarding(RequestScope s) {
        IncomingRequest r = s.request();
        Map<String, List<String>> headers = new LinkedHashMap<>(r.headers());
        List<String> forwarded = new ArrayList<>(r.header("X-Forwarded-For"));
        forwarded.add(r.sourceIp());
        headers.keySet().removeIf(k -> k.equalsIgnoreCase("X-Forwarded-For"));
        headers.put("X-Forwarded-For", List.of(String.join(", ", forwarded)));
        String host = s.host();
        int colon = host.lastIndexOf(':');
        headers.putIfAbsent("X-Forwarded-Port", List.of(colon > 0 ? host.substring(colon + 1) : "80"));
        headers.putIfAbsent("X-Forwarded-Proto", List.of("http"));
        return headers;
    }

    private static void putBody(ObjectNode e, RequestScope s, boolean binary) {
        byte[] body = s.request().body();
        if (body.length == 0) {
            e.put("isBase64Encoded", false);
            return;
        }
        e.put(
                "body",
                binary ? Base64.getEncoder().encodeToString(body) : s.request().bodyText());
        e.put("isBase64Encoded", binary);
    }

    /** HTTP APIs pass text bodies as they are and base64-encode every other (or an unlabelled) body. */
    private static boolean isHttpApiBinary(String mediaType) {
        return !MediaTypes.isText(mediaType);
    }

    private static void putStringMapOrNull(ObjectNode e, String field, Map<String, String> values) {
        if (values.isEmpty()) {
            e.putNull(field);
        } else {
            ObjectNode o = e.putObject(field);
            values.forEach(o::put);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
