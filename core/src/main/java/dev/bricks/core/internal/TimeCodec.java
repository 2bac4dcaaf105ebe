package dev.bricks.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
    private record Codec<T>(Class<T> type, Function<String, T> parse, Function<T, String> format, String description) {}

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
    private static Codec<?> codec(Class<?> type) {
        return PACKAGE.equals(type.getPackageName()) ? Codecs.find(type) : null;
    }

    /** The Jackson module reading and writing every supported type, each codec built on first use. */
    static Module module() {
        return new Module() {
            @Override
            public String getModuleName() {
                return "bricks-time";
            }

            @Override
            public Version version() {
                return Version.unknownVersion();
            }

            @Override
            public void setupModule(SetupContext context) {
                context.addSerializers(new Serializers.Base() {
                    @Override
                    public JsonSerializer<?> findSerializer(
                            SerializationConfig config, JavaType type, BeanDescription description) {
                        Codec<?> codec = codec(type.getRawClass());
                        return codec == null ? null : new Writer<>(codec);
                    }
                });
                context.addDeserializers(new Deserializers.Base() {
                    @Override
                    public JsonDeserializer<?> findBeanDeserializer(
                            JavaType type, DeserializationConfig config, BeanDescription description) {
                        Codec<?> codec = codec(type.getRawClass());
                        return codec == null ? null : new Reader<>(codec);
                    }
                });
            }
        };
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

    private static final class Writer<T> extends StdSerializer<T> {
        private final transient Codec<T> codec;

        Writer(Codec<T> codec) {
            super(codec.type());
            this.codec = codec;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(codec.format().apply(value));
        }
    }

    private static final class Reader<T> extends StdScalarDeserializer<T> {
        private final transient Codec<T> codec;

        Reader(Codec<T> codec) {
            super(codec.type());
            this.codec = codec;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (T) ctxt.handleUnexpectedToken(codec.type(), p);
            }
            String text = p.getText();
            try {
                return codec.parse().apply(text.trim());
            } catch (DateTimeParseException e) {
                return (T) ctxt.handleWeirdStringValue(codec.type(), text, "must be " + codec.description());
            }
        }
    }
}
