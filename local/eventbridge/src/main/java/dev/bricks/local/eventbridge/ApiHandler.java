package dev.bricks.local.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Speaks the JSON 1.1 protocol: {@code POST /} with {@code X-Amz-Target: AWSEvents.<Operation>}. Errors are
 * answered as {@code {"__type":…,"message":…}} with a 4xx/5xx status; the server never lets an exception
 * escape to the connection.
 */
final class ApiHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(LocalEventBridge.class.getName());
    private static final String TARGET_PREFIX = "AWSEvents.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final ObjectMapper json;
    private final EventsApi api;
    private final int maxBodyBytes;

    ApiHandler(ObjectMapper json, EventsApi api, int maxBodyBytes) {
        this.json = json;
        this.api = api;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            byte[] body;
            try {
                body = json.writeValueAsBytes(dispatch(exchange));
            } catch (AwsError e) {
                status = e.status();
                body = error(e.code(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "local EventBridge failed on a request", e);
                status = 500;
                body = error("InternalException", "Local EventBridge failed: " + e);
            }
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.getResponseHeaders()
                    .set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private JsonNode dispatch(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw new AwsError(
                    "UnknownOperationException", 405, "Only POST is supported, got " + exchange.getRequestMethod());
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            throw new AwsError(
                    "UnknownOperationException",
                    400,
                    "X-Amz-Target header must name an AWSEvents operation, was " + target);
        }
        JsonNode request;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                throw new AwsError("ValidationException", 413, "Request body is over " + maxBodyBytes + " bytes");
            }
            request = bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new AwsError(
                    "SerializationException", 400, "Request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (request == null || !request.isObject()) {
            throw new AwsError("SerializationException", 400, "Request body must be a JSON object");
        }
        return api.call(
                target.substring(TARGET_PREFIX.length()),
                request,
                accessKeyId(exchange.getRequestHeaders().getFirst("Authorization")));
    }

    /** The access key id of a SigV4 {@code Authorization} header ({@code Credential=<id>/…}); null if none. */
    static String accessKeyId(String authorization) {
        int at = authorization == null ? -1 : authorization.indexOf("Credential=");
        if (at < 0) {
            return null;
        }
        int start = at + "Credential=".length();
        int end = authorization.indexOf('/', start);
        return end <= start ? null : authorization.substring(start, end);
    }

    private byte[] error(String code, String message) {
        return json.createObjectNode()
                .put("__type", code)
                .put("message", message)
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }
}
