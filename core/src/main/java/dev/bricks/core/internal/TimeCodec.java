package dev.bricks.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * Internal: Bricks' own {@code java.time} codec, ISO-8601 text both ways (chosen over jackson-datatype-jsr310
 * by a cold-start measurement, see {@code benchmarks/core}). Only strings are read: epoch numbers are rejected,
 * so a value means one thing.
 *
 * <table>
 *   <caption>Types and their text</caption>
 *   <tr><td>{@link Instant}</td><td>{@code 2024-05-01T12:00:00Z} (an offset is accepted on input)</td></tr>
 *   <tr><td>{@link LocalDate}</td><td>{@code 2024-05-01}</td></tr>
 *   <tr><td>{@link LocalTime}</td><td>{@code 12:00:00}</td></tr>
 *   <tr><td>{@link LocalDateTime}</td><td>{@code 2024-05-01T12:00:00}</td></tr>
 *   <tr><td>{@link OffsetDateTime}</td><td>{@code 2024-05-01T14:00:00+02:00}</td></tr>
 *   <tr><td>{@link ZonedDateTime}</td><td>{@code 2024-05-01T14:00:00+02:00[Europe/Paris]}</td></tr>
 *   <tr><td>{@link Duration}</td><td>{@code PT15M}</td></tr>
 * </table>
 */
final class TimeCodec {

    private static final String PACKAGE = "java.time";

    /** One type: how to read and write it, and what to say when its text is wrong. */
    record Codec<T>(Class<T> type, Function<String, T> parse, Function<T, String> format, String description) {}

    /**
     * The codecs, in a holder class so that a handler that binds no {@code java.time} value loads none of
     * {@code java.time}'s formatters (measured: about 80 classes at init otherwise).
     */
    private static final class Codecs {
        static final List<Codec<?>> ALL = List.of(
                new Codec<>(
                        Instant.class,
                        Instant::parse,
                        DateTimeFormatter.ISO_INSTANT::format,
                        "an ISO-8601 instant such as 2024-05-01T12:00:00Z"),
                new Codec<>(
                        LocalDate.class,
                        LocalDate::parse,
                        DateTimeFormatter.ISO_LOCAL_DATE::format,
                        "an ISO-8601 date such as 2024-05-01"),
                new Codec<>(
                        LocalTime.class,
                        LocalTime::parse,
                        DateTimeFormatter.ISO_LOCAL_TIME::format,
                        "an ISO-8601 time such as 12:00:00"),
                new Codec<>(
                        LocalDateTime.class,
                        LocalDateTime::parse,
                        DateTimeFormatter.ISO_LOCAL_DATE_TIME::format,
                        "an ISO-8601 local date-time such as 2024-05-01T12:00:00"),
                new Codec<>(
                        OffsetDateTime.class,
                        OffsetDateTime::parse,
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME::format,
                        "an ISO-8601 date-time with offset such as 2024-05-01T14:00:00+02:00"),
                new Codec<>(
                        ZonedDateTime.class,
                        ZonedDateTime::parse,
                        DateTimeFormatter.ISO_ZONED_DATE_TIME::format,
                        "an ISO-8601 date-time with zone such as 2024-05-01T14:00:00+02:00[Europe/Paris]"),
                new Codec<>(Duration.class, Duration::parse, Duration::toString, "an ISO-8601 duration such as PT15M"));

        private Codecs() {}

        static Codec<?> find(Class<?> type) {
            for (Codec<?> codec : ALL) {
                if (codec.type() == type) {
                    return codec;
                }
            }
            return null;
        }
    }

    private TimeCodec() {}

    /** The codec of a type, or null; looks at the package first so that other types load no codec. */
    static Codec<?> codec(Class<?> type) {
        return PACKAGE.equals(type.getPackageName()) ? Codecs.find(type) : null;
    }

    /** How a supported type is parsed from its text, or null when {@code type} is not one. */
    static Function<String, ?> parser(Class<?> type) {
        Codec<?> codec = codec(type);
        return codec == null ? null : codec.parse();
    }

    /** How a supported type is written as text, or null when {@code type} is not one. */
    @SuppressWarnings("unchecked")
    static Function<Object, String> formatter(Class<?> type) {
        Codec<?> codec = codec(type);
        return codec == null ? null : (Function<Object, String>) (Function<?, String>) codec.format();
    }

    /** The strict-binding shape of a supported type, or null when {@code type} is not one. */
    static JsonShape shape(Class<?> type) {
        Codec<?> codec = codec(type);
        return codec == null ? null : new JsonShape.TextShape(codec.parse(), codec.description());
    }
}
