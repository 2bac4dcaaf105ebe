package dev.bricks.local.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * DynamoDB's JSON 1.0 protocol over the engine, independent of the transport: an {@code X-Amz-Target} header
 * ({@code DynamoDB_20120810.<Op>} or {@code DynamoDBStreams_20120810.<Op>}) and a JSON body in, a status, a JSON body
 * and its response headers out. The HTTP server and the in-process SDK HTTP clients both answer through it, so
 * every transport runs the same code. Thread-safe.
 */
final class JsonProtocol {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final String DYNAMODB_PREFIX = "DynamoDB_20120810.";
    private static final String STREAMS_PREFIX = "DynamoDBStreams_20120810.";
    private static final String CORAL = "com.amazon.coral.service#";
    private static final byte[] HEALTHY = "healthy: dynamodb.us-east-1.amazonaws.com ".getBytes(StandardCharsets.UTF_8);

    /** One answer: status, body, content type, and the {@code x-amzn-RequestId} and {@code x-amz-crc32} header values. */
    record Response(int status, byte[] body, String contentType, String requestId, long crc32) {}

    private final Engine engine;
    private final AtomicLong requests = new AtomicLong();
    private final String idPrefix = Long.toHexString(System.nanoTime() & 0xffffffffL);

    JsonProtocol(Engine engine) {
        this.engine = engine;
    }

    /**
     * Answers one request; never throws (errors become DynamoDB error bodies, unexpected ones a 500).
     * {@code authorization} is the request's {@code Authorization} header (null when absent): its SigV4
     * credential names the caller to {@link CallListener}s.
     */
    Response handle(String method, String target, String authorization, byte[] body) {
        if (!"POST".equals(method)) {
            return response(200, HEALTHY, "text/plain");
        }
        String op = operation(target);
        try {
            if (op == null || !engine.supports(op)) {
                throw new DynamoException("UnknownOperationException", "Unknown operation: " + target, 400, null);
            }
            return response(
                    200,
                    MAPPER.writeValueAsBytes(engine.execute(op, parse(body), accessKeyId(authorization))),
                    CONTENT_TYPE);
        } catch (DynamoException e) {
            return response(e.status, error(e), CONTENT_TYPE);
        } catch (RuntimeException | StackOverflowError | JsonProcessingException e) {
            return response(
                    500,
                    error(new DynamoException(
                            "InternalServerError",
                            "Internal server error: " + e.getClass().getSimpleName(),
                            500,
                            null)),
                    CONTENT_TYPE);
        }
    }

    /** The answer to a request refused before it reached the engine (malformed HTTP, too large). */
    Response refused(int status, DynamoException e) {
        return response(status, error(e), CONTENT_TYPE);
    }

    /** The access key id of a SigV4 {@code Authorization} header ({@code Credential=<id>/…}); null if none. */
    static String accessKeyId(String authorization) {
        if (authorization == null) {
            return null;
        }
        int at = authorization.indexOf("Credential=");
        if (at < 0) {
            return null;
        }
        int start = at + "Credential=".length();
        int end = authorization.indexOf('/', start);
        return end <= start ? null : authorization.substring(start, end);
    }

    private static String operation(String target) {
        if (target == null) {
            return null;
        }
        if (target.startsWith(DYNAMODB_PREFIX)) {
            return target.substring(DYNAMODB_PREFIX.length());
        }
        if (target.startsWith(STREAMS_PREFIX)) {
            return target.substring(STREAMS_PREFIX.length());
        }
        return null;
    }

    private static JsonNode parse(byte[] body) {
        JsonNode request;
        try {
            request = body.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw DynamoException.serialization("Malformed JSON request body");
        }
        if (request == null || !request.isObject()) {
            throw DynamoException.serialization("Request body must be a JSON object");
        }
        return request;
    }

    private static byte[] error(DynamoException e) {
        ObjectNode o = MAPPER.createObjectNode();
        boolean coral = e.code.equals("UnknownOperationException") || e.code.equals("SerializationException");
        o.put("__type", (coral ? CORAL : DynamoException.PREFIX) + e.code);
        if (e.getMessage() != null) {
            o.put(e.code.equals("TransactionCanceledException") ? "Message" : "message", e.getMessage());
        }
        if (e.extra != null) {
            o.setAll(e.extra);
        }
        try {
            return MAPPER.writeValueAsBytes(o);
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private Response response(int status, byte[] body, String contentType) {
        CRC32 crc = new CRC32();
        crc.update(body);
        // a cheap unique request id (UUID.randomUUID would take SecureRandom's lock on every response)
        return new Response(
                status,
                body,
                contentType,
                idPrefix + "-" + Long.toHexString(requests.incrementAndGet()),
                crc.getValue());
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 413 -> "Payload Too Large";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            default -> "Status";
        };
    }
}
