package dev.bricks.core.http;

import dev.bricks.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds API Gateway events in AWS's shapes for tests. */
final class TestEvents {

    private TestEvents() {}

    /** An HTTP API 2.0 event on the $default route (so Bricks routes by rawPath). */
    static String v2(String method, String rawPath, String contentType, String body, Map<String, String> extraHeaders) {
        Map<String, Object> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        headers.putAll(extraHeaders);
        Map<String, Object> http = Map.of(
                "method",
                method,
                "path",
                rawPath,
                "protocol",
                "HTTP/1.1",
                "sourceIp",
                "192.0.2.1",
                "userAgent",
                "test");
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("accountId", "123456789012");
        ctx.put("apiId", "api1");
        ctx.put("http", http);
        ctx.put("requestId", "gw-req-1");
        ctx.put("routeKey", "$default");
        ctx.put("stage", "$default");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", rawPath);
        event.put("rawQueryString", "");
        event.put("headers", headers);
        event.put("requestContext", ctx);
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return Json.writeString(event);
    }

    static String v2(String method, String rawPath, String contentType, String body) {
        return v2(method, rawPath, contentType, body, Map.of());
    }

    /** A REST API (payload 1.0) event. */
    static String v1(
            String method,
            String resource,
            String path,
            Map<String, String> pathParameters,
            String contentType,
            String body) {
        Map<String, Object> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("resourcePath", resource);
        ctx.put("httpMethod", method);
        ctx.put("stage", "prod");
        ctx.put("requestId", "gw-req-v1");
        ctx.put("identity", Map.of("sourceIp", "192.0.2.2"));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("resource", resource);
        event.put("path", path);
        event.put("httpMethod", method);
        event.put("headers", headers);
        event.put("pathParameters", pathParameters);
        event.put("requestContext", ctx);
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return Json.writeString(event);
    }

    /** Reads a proxy response (or any JSON object) into a map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        return Json.read(json, Map.class);
    }

    /** The response's body parsed as JSON. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> body(Map<String, Object> response) {
        return Json.read((String) response.get("body"), Map.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> headers(Map<String, Object> response) {
        return (Map<String, Object>) response.get("headers");
    }
}
