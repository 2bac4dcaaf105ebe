package dev.bricks.core.json;

import dev.bricks.core.internal.JsonSupport;

/**
 * Bricks' JSON codec for handler code and other Bricks modules, so that none of them sees the JSON library.
 *
 * <p>Reading is tolerant (unknown members are ignored); records are supported through their canonical
 * constructors. Writing omits {@code null} members. The underlying mapper is configured once per JVM.
 *
 * <p>Thread-safe. Arguments must not be null.
 */
public final class Json {

    private Json() {
    }

    /**
     * Reads a value of the given type.
     *
     * @throws JsonException with kind {@code MALFORMED} or {@code MISMATCH} (naming the member's path)
     */
    public static <T> T read(byte[] json, Class<T> type) {
        return JsonSupport.read(json, type);
    }

    /** Reads a value of the given type from a string; see {@link #read(byte[], Class)}. */
    public static <T> T read(String json, Class<T> type) {
        return JsonSupport.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), type);
    }

    /**
     * Writes a value as UTF-8 JSON bytes.
     *
     * @throws JsonException with kind {@code WRITE} when the value cannot be serialised
     */
    public static byte[] write(Object value) {
        return JsonSupport.write(value);
    }

    /** Writes a value as a JSON string; see {@link #write(Object)}. */
    public static String writeString(Object value) {
        return new String(JsonSupport.write(value), java.nio.charset.StandardCharsets.UTF_8);
    }
}
