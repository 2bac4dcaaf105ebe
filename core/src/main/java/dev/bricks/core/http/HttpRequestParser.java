package dev.bricks.core.http;

import dev.bricks.core.InvalidEventException;
import dev.bricks.core.internal.JsonValue;
import dev.bricks.core.internal.Nodes;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads API Gateway payload 2.0 and 1.0 events into {@link HttpRequest}. Stateless. */
final class HttpRequestParser {

    private HttpRequestParser() {}

    static HttpRequest parse(byte[] raw) {
        JsonValue root = Nodes.eventObject(raw, "API Gateway event");
        if ("2.0".equals(Nodes.text(root, "version")) && root.has("rawPath")) {
            return v2(root);
        }
        if (root.has("httpMethod")) {
            return v1(root);
        }
        throw new InvalidEventException(
                "not an API Gateway proxy event: expected version \"2.0\" with rawPath, or httpMethod (payload 1.0)");
    }

    private static HttpRequest v2(JsonValue root) {
        JsonValue ctx = Nodes.object(root, "requestContext");
        JsonValue http = Nodes.object(ctx, "http");
        String method = Nodes.text(http, "method");
        if (method == null) {
            throw new InvalidEventException("API Gateway 2.0 event: missing requestContext.http.method");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : Nodes.stringMap(root, "headers").entrySet()) {
            headers.put(e.getKey(), List.of(e.getValue()));
        }
        Map<String, List<String>> query = parseQuery(Nodes.text(root, "rawQueryString"));
        if (query.isEmpty()) {
            for (Map.Entry<String, String> e :
                    Nodes.stringMap(root, "queryStringParameters").entrySet()) {
                query.put(e.getKey(), List.of(e.getValue().split(",")));
            }
        }
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String cookie : Nodes.stringList(root, "cookies")) {
            addCookie(cookies, cookie);
        }
        return new HttpRequest(
                PayloadVersion.V2,
                method.toUpperCase(Locale.ROOT),
                orDefault(Nodes.text(root, "rawPath"), "/"),
                orDefault(Nodes.text(root, "routeKey"), "$default"),
                "",
                headers,
                query,
                Nodes.stringMap(root, "pathParameters"),
                cookies,
                Nodes.stringMap(root, "stageVariables"),
                body(root),
                Nodes.text(ctx, "requestId"),
                Nodes.text(ctx, "stage"),
                Nodes.text(http, "sourceIp"),
                Principals.fromV2(Nodes.object(ctx, "authorizer")));
    }

    private static HttpRequest v1(JsonValue root) {
        JsonValue ctx = Nodes.object(root, "requestContext");
        String method = Nodes.text(root, "httpMethod").toUpperCase(Locale.ROOT);
        Map<String, List<String>> headers = new LinkedHashMap<>(Nodes.stringListMap(root, "multiValueHeaders"));
        Nodes.stringMap(root, "headers").forEach((k, v) -> {
            if (headers.keySet().stream().noneMatch(k::equalsIgnoreCase)) {
                headers.put(k, List.of(v));
            }
        });
        Map<String, List<String>> query =
                new LinkedHashMap<>(Nodes.stringListMap(root, "multiValueQueryStringParameters"));
        Nodes.stringMap(root, "queryStringParameters").forEach((k, v) -> query.putIfAbsent(k, List.of(v)));
        Map<String, String> cookies = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (name.equalsIgnoreCase("cookie")) {
                for (String header : values) {
                    for (String cookie : header.split(";")) {
                        addCookie(cookies, cookie);
                    }
                }
            }
        });
        String resource = orDefault(Nodes.text(root, "resource"), "");
        return new HttpRequest(
                PayloadVersion.V1,
                method,
                orDefault(Nodes.text(root, "path"), "/"),
                method + " " + resource,
                resource,
                headers,
                query,
                Nodes.stringMap(root, "pathParameters"),
                cookies,
                Nodes.stringMap(root, "stageVariables"),
                body(root),
                Nodes.text(ctx, "requestId"),
                Nodes.text(ctx, "stage"),
                Nodes.text(Nodes.object(ctx, "identity"), "sourceIp"),
                Principals.fromV1(Nodes.object(ctx, "authorizer")));
    }

    /** The body; a body that claims base64 and is not is kept as undecodable, for a 400 rather than a crash. */
    private static RequestBody body(JsonValue root) {
        boolean base64 = Nodes.bool(root, "isBase64Encoded");
        String body = Nodes.text(root, "body");
        if (body == null) {
            return new RequestBody(new byte[0], base64, true);
        }
        if (!base64) {
            return new RequestBody(body.getBytes(StandardCharsets.UTF_8), false, true);
        }
        try {
            return new RequestBody(Base64.getDecoder().decode(body), true, true);
        } catch (IllegalArgumentException e) {
            return new RequestBody(new byte[0], true, false);
        }
    }

    private static void addCookie(Map<String, String> cookies, String cookie) {
        int eq = cookie.indexOf('=');
        if (eq > 0) {
            cookies.putIfAbsent(
                    cookie.substring(0, eq).trim(), cookie.substring(eq + 1).trim());
        }
    }

    static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        query.replaceAll((k, v) -> List.copyOf(v));
        return query;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
