package dev.bricks.benchmarks.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.bricks.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Whole-process cold-start comparison only (benchmarks/core/cold-start.sh): one JVM reads one JSON document
 * with the four time types of issue 13 into a record and writes it back, in one of five ways.
 *
 * <ul>
 *   <li>{@code bricks}: {@link Json}, i.e. Bricks' mapper with its own ISO-8601 codec (what core ships);</li>
 *   <li>{@code bricks-strings}: {@link Json} on the same document bound to strings (the baseline of the above);</li>
 *   <li>{@code jsr310}: a mapper configured like Bricks' plus jackson-datatype-jsr310's {@code JavaTimeModule};</li>
 *   <li>{@code jsr310-strings}: that mapper on the strings (the module's cost in a handler without times);</li>
 *   <li>{@code plain-strings}: that mapper without the module, bound to strings (the baseline of jsr310).</li>
 * </ul>
 */
public final class TimeCodecMain {

    /** The document every variant reads. */
    static final String DOCUMENT = "{\"placedAt\":\"2024-05-01T12:00:00Z\",\"deliveryDay\":\"2024-05-03\","
            + "\"promisedBy\":\"2024-05-03T18:00:00+02:00\",\"holdFor\":\"PT15M\"}";

    /** With time types. */
    public record Timed(Instant placedAt, LocalDate deliveryDay, OffsetDateTime promisedBy, Duration holdFor) {}

    /** The same members as text. */
    public record Texts(String placedAt, String deliveryDay, String promisedBy, String holdFor) {}

    private TimeCodecMain() {}

    /** {@code TimeCodecMain <variant>}: prints the document written back. */
    public static void main(String[] args) throws Exception {
        String variant = args.length == 1 ? args[0] : "";
        String out = switch (variant) {
            case "bricks" -> Json.writeString(Json.read(DOCUMENT, Timed.class));
            case "bricks-strings" -> Json.writeString(Json.read(DOCUMENT, Texts.class));
            case "jsr310" -> roundTrip(mapper(true), Timed.class);
            case "jsr310-strings" -> roundTrip(mapper(true), Texts.class);
            case "plain-strings" -> roundTrip(mapper(false), Texts.class);
            default ->
                throw new IllegalArgumentException(
                        "usage: TimeCodecMain bricks|bricks-strings|jsr310|jsr310-strings|plain-strings");
        };
        System.out.println(out);
    }

    private static String roundTrip(ObjectMapper mapper, Class<?> type) throws Exception {
        Object value = mapper.readValue(DOCUMENT.getBytes(StandardCharsets.UTF_8), type);
        return mapper.writeValueAsString(value);
    }

    /** The features of Bricks' mapper (core's internal JsonSupport), with or without jsr310. */
    private static ObjectMapper mapper(boolean jsr310) {
        JsonMapper.Builder builder = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .serializationInclusion(JsonInclude.Include.NON_NULL);
        if (jsr310) {
            builder.addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        }
        return builder.build();
    }
}
