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
import java.time.format.DateTimeParseException;

/**
 * {@link TimeCodec}'s types as a Jackson databind module, for the values {@link DatabindFallback} binds or writes
 * (a class of its own so that {@link TimeCodec} loads no databind class). Each codec is built on first use.
 */
final class TimeModule extends Module {

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
                TimeCodec.Codec<?> codec = TimeCodec.codec(type.getRawClass());
                return codec == null ? null : new Writer<>(codec);
            }
        });
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public JsonDeserializer<?> findBeanDeserializer(
                    JavaType type, DeserializationConfig config, BeanDescription description) {
                TimeCodec.Codec<?> codec = TimeCodec.codec(type.getRawClass());
                return codec == null ? null : new Reader<>(codec);
            }
        });
    }

    private static final class Writer<T> extends StdSerializer<T> {
        private final transient TimeCodec.Codec<T> codec;

        Writer(TimeCodec.Codec<T> codec) {
            super(codec.type());
            this.codec = codec;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(codec.format().apply(value));
        }
    }

    private static final class Reader<T> extends StdScalarDeserializer<T> {
        private final transient TimeCodec.Codec<T> codec;

        Reader(TimeCodec.Codec<T> codec) {
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
