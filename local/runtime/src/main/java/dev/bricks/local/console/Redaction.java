package dev.bricks.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bricks.observability.EventRedactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Every payload the console keeps goes through observability's {@link EventRedactor} first: {@code Authorization}
 * and cookie headers, API keys, authorizer tokens, JWT-shaped strings and the configured paths become
 * {@value EventRedactor#MASK}. Text that is not JSON is kept as a string inside a JSON wrapper, so JWTs in it are
 * masked too. Thread-safe.
 */
final class Redaction {

    static final ObjectMapper JSON = new ObjectMapper();

    private final EventRedactor redactor;

    /** @param paths observability's {@code BRICKS_LOG_REDACT_PATHS} syntax; may be null */
    Redaction(String paths) {
        this.redactor = EventRedactor.withPaths(paths);
    }

    /** The redacted copy of a JSON value. */
    JsonNode redact(JsonNode value) {
        try {
            return JSON.readTree(redactor.redact(JSON.writeValueAsBytes(value)));
        } catch (IOException e) {
            return JsonNodeFactory.instance.textNode("(not shown: " + e.getMessage() + ")");
        }
    }

    /** Bytes as redacted JSON when they are JSON, else as a redacted string (UTF-8). */
    JsonNode redactPayload(byte[] payload) {
        try {
            return JSON.readTree(redactor.redact(payload));
        } catch (IOException notJson) {
            ObjectNode wrapper = JSON.createObjectNode();
            wrapper.put("text", new String(payload, StandardCharsets.UTF_8));
            return redact(wrapper).path("text");
        }
    }
}
