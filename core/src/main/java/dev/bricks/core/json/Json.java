package dev.bricks.core.json;

import dev.bricks.core.internal.JsonSupport;
import java.nio.charset.StandardCharsets;

/**
 * Bricks' JSON codec for handler code and other Bricks modules, so that none of them sees the JSON library.
 *
 * <p>Reading ignores unknown members and binds records through their canonical constructors. It is strict about
 * types: a number field takes only a JSON number (an integer field only an integral one: {@code 2.5} is
 * rejected, {@code 2.0} is 2), a string field only a string, a boolean field only {@code true}/{@code false},
 * unless the component is {@link Lenient}. {@code java.time} values ({@code Instant}, {@code LocalDate},
 * {@code LocalTime}, {@code LocalDateTime}, {@code OffsetDateTime}, {@code ZonedDateTime}, {@code Duration})
 * are ISO-8601 strings both ways ({@code "2024-05-01T12:00:00Z"}, {@code "PT15M"}); epoch numbers are rejected.
 * Writing omits {@code null} members. Plain records, maps, collections and scalars are handled by core's own
 * codec on jackson-core; other types (beans, Jackson-annotated records) by one jackson-databind configuration,
 * created on first use.
 *
 * <p>Thread-safe. Arguments must not be null.
 */
public final class Json {

    private Json() {}

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
        return JsonSupport.read(json.getBytes(StandardCharsets.UTF_8), type);
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
        return JsonSupport.writeString(value);
    }
}
