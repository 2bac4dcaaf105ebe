package dev.bricks.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bricks.local.functions.InvokeOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a function's answer back to HTTP as API Gateway does. Payload 2.0: an object with {@code statusCode} is a
 * proxy response ({@code headers}, {@code cookies} → {@code set-cookie}, {@code body}, {@code isBase64Encoded});
 * any other valid JSON is the body of a 200 {@code application/json} answer. Payload 1.0: only a proxy response
 * object is accepted ({@code headers} and {@code multiValueHeaders} merged). Anything else is malformed:
 * HTTP API 500, REST 502. Stateless.
 */
final class ProxyResponses {

    private ProxyResponses() {}

    /** The proxy response was not acceptable. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    /** The reply for a function error (any {@code X-Amz-Function-Error}). */
    static GatewayReply functionError(RequestScope s) {
        return s.isHttpApi() ? GatewayReply.HTTP_INTERNAL_SERVER_ERROR : GatewayReply.REST_BAD_GATEWAY;
    }

    /** The reply for a malformed proxy response. */
    static GatewayReply malformed(RequestScope s) {
        return s.isHttpApi() ? GatewayReply.HTTP_INTERNAL_SERVER_ERROR : GatewayReply.REST_BAD_GATEWAY;
    }

    static GatewayReply map(RequestScope s, InvokeOutcome outcome) throws MalformedException {
        JsonNode answer;
        try {
            answer = ProxyEvents.JSON.readTree(outcome.payload());
        } catch (IOException e) {
            throw new MalformedException("the function's answer is not JSON");
        }
        if (answer == null || answer.isMissingNode()) {
            throw new MalformedException("the function answered nothing");
        }
        boolean v2 = s.route().payloadFormat() == PayloadFormat.V2_0;
        if (v2 && !(answer.isObject() && answer.has("statusCode"))) {
            String body = answer.isTextual() ? answer.asText() : answer.toString();
            return new GatewayReply(
                    200, List.of(Map.entry("content-type", "application/json")), body.getBytes(StandardCharsets.UTF_8));
        }
        if (!answer.isObject()) {
            throw new MalformedException("a payload 1.0 answer must be an object with statusCode");
        }
        JsonNode status = answer.get("statusCode");
        int code;
        if (status != null && status.canConvertToInt() && status.isIntegralNumber()) {
            code = status.intValue();
        } else if (status != null && status.isTextual() && status.asText().matches("\\d{3}")) {
            code = Integer.parseInt(status.asText());
        } else {
            throw new MalformedException("statusCode is missing or not an integer");
        }
        if (code < 100 || code > 599) {
            throw new MalformedException("statusCode " + code + " is not an HTTP status");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        JsonNode h = answer.get("headers");
        if (h != null && !h.isNull()) {
            requireObject(h, "headers");
            h.fields().forEachRemaining(f -> headers.add(Map.entry(f.getKey(), text(f.getValue()))));
        }
        JsonNode mh = answer.get("multiValueHeaders");
        if (mh != null && !mh.isNull()) {
            requireObject(mh, "multiValueHeaders");
            for (Map.Entry<String, JsonNode> f : iterable(mh)) {
                headers.removeIf(e -> e.getKey().equalsIgnoreCase(f.getKey()));
                if (!f.getValue().isArray()) {
                    throw new MalformedException("multiValueHeaders." + f.getKey() + " is not an array");
                }
                f.getValue().forEach(v -> headers.add(Map.entry(f.getKey(), text(v))));
            }
        }
        JsonNode cookies = answer.get("cookies");
        if (v2 && cookies != null && !cookies.isNull()) {
            if (!cookies.isArray()) {
                throw new MalformedException("cookies is not an array");
            }
            cookies.forEach(c -> headers.add(Map.entry("set-cookie", text(c))));
        }
        if (headers.stream().noneMatch(e -> e.getKey().equalsIgnoreCase("content-type"))) {
            headers.add(Map.entry("content-type", "application/json"));
        }
        JsonNode bodyNode = answer.get("body");
        byte[] body = new byte[0];
        if (bodyNode != null && !bodyNode.isNull()) {
            String text = bodyNode.isTextual() ? bodyNode.asText() : bodyNode.toString();
            if (answer.path("isBase64Encoded").asBoolean(false)) {
                try {
                    body = Base64.getDecoder().decode(text);
                } catch (IllegalArgumentException e) {
                    throw new MalformedException("isBase64Encoded is true but body is not base64");
                }
            } else {
                body = text.getBytes(StandardCharsets.UTF_8);
            }
        }
        return new GatewayReply(code, headers, body);
    }

    private static void requireObject(JsonNode node, String field) throws MalformedException {
        if (!node.isObject()) {
            throw new MalformedException(field + " is not an object");
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** Whether a header name is one the gateway sets itself (and drops from the function's answer). */
    static boolean isHopByHop(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("content-length") || n.equals("transfer-encoding") || n.equals("connection");
    }
}
