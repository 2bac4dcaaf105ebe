package dev.bricks.local.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An HTTP answer of the gateway: status, headers in order (a name may repeat, e.g. {@code set-cookie}), body.
 */
record GatewayReply(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    GatewayReply {
        headers = List.copyOf(headers);
    }

    /** HTTP API's function-error answer. */
    static final GatewayReply HTTP_INTERNAL_SERVER_ERROR = json(500, "{\"message\":\"Internal Server Error\"}");
    /** REST's answer to a function error or a malformed proxy response. */
    static final GatewayReply REST_BAD_GATEWAY = json(502, "{\"message\": \"Internal server error\"}");
    /** An unknown route. */
    static final GatewayReply NOT_FOUND = json(404, "{\"message\":\"Not Found\"}");
    /** An event above Lambda's synchronous payload limit. */
    static final GatewayReply TOO_LARGE = json(413, "{\"message\":\"Request Entity Too Large\"}");
    /** A missing identity source, or an authorizer that said {@code Unauthorized}. */
    static final GatewayReply UNAUTHORIZED = json(401, "{\"message\":\"Unauthorized\"}");
    /** HTTP API's answer to a deny. */
    static final GatewayReply HTTP_FORBIDDEN = json(403, "{\"message\":\"Forbidden\"}");
    /** REST's answer to a policy with an explicit Deny. */
    static final GatewayReply REST_EXPLICIT_DENY =
            json(403, "{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}");
    /** REST's answer to a policy that allows nothing matching. */
    static final GatewayReply REST_NOT_ALLOWED =
            json(403, "{\"Message\":\"User is not authorized to access this resource\"}");
    /** REST's answer to an authorizer that failed or answered nonsense. */
    static final GatewayReply REST_AUTHORIZER_ERROR = json(500, "{\"message\": null}");

    static GatewayReply json(int status, String body) {
        return new GatewayReply(
                status, List.of(Map.entry("Content-Type", "application/json")), body.getBytes(StandardCharsets.UTF_8));
    }

    /** This answer with one more header. */
    GatewayReply withHeader(String name, String value) {
        List<Map.Entry<String, String>> all = new ArrayList<>(headers);
        all.add(Map.entry(name, value));
        return new GatewayReply(status, all, body);
    }
}
