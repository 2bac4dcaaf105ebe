package dev.bricks.test;

import dev.bricks.core.BatchResponse;
import dev.bricks.core.json.Json;
import java.nio.charset.StandardCharsets;

/**
 * What a handler wrote for one invocation, with readers for the response shapes Bricks writes. Immutable and
 * thread-safe.
 */
public final class InvocationResult {

    private final byte[] bytes;

    InvocationResult(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /** The bytes written; a copy. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The output as UTF-8 text (empty when the handler wrote nothing). */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The output read as JSON into {@code type} with Bricks' mapper. */
    public <T> T json(Class<T> type) {
        return Json.read(bytes, type);
    }

    /**
     * The output as an API Gateway proxy response (payload 2.0 or 1.0).
     *
     * @throws IllegalStateException when the output is not a proxy response
     */
    public HttpResult http() {
        return HttpResult.parse(text());
    }

    /**
     * The output as Lambda's partial batch response. Empty output (or JSON {@code null}) is a full success, as
     * Lambda counts it.
     */
    public BatchResponse batch() {
        String text = text().strip();
        if (text.isEmpty() || text.equals("null")) {
            return new BatchResponse(null);
        }
        return Json.read(text, BatchResponse.class);
    }

    @Override
    public String toString() {
        return text();
    }
}
