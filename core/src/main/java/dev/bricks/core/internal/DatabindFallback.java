package dev.bricks.core.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.bricks.core.json.JsonException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;

/**
 * Jackson databind, for the types Bricks' own codec leaves to it: classes that are not plain records (POJOs,
 * Jackson-annotated records, maps of such values, {@code Optional}, arrays). Configured once per JVM, on first
 * use (an init-once cache in a holder class), so that a handler whose values are all plain records, maps,
 * collections and scalars loads none of databind's classes.
 */
final class DatabindFallback {

    private DatabindFallback() {}

    /** The one databind configuration: strict as {@link JsonShape}, NON_NULL, ISO-8601 {@code java.time}. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(
                        LogicalType.Textual,
                        config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .addModule(new TimeModule())
                .build();
    }

    /**
     * Binds a checked document (written back from its tree) to the type.
     *
     * @throws JsonException of kind {@code MISMATCH} naming the member's path
     */
    static <T> T read(byte[] json, Class<T> type) {
        try {
            return Mapper.INSTANCE.readValue(json, type);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    /**
     * Writes a value as UTF-8 JSON.
     *
     * @throws JsonException of kind {@code WRITE} when the value cannot be serialised
     */
    static byte[] write(Object value) {
        try {
            return Mapper.INSTANCE.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new JsonException(
                    JsonException.Kind.WRITE,
                    path(e),
                    "cannot write " + (value == null ? "null" : value.getClass().getName()) + " as JSON",
                    e);
        }
    }

    private static JsonException translate(IOException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return JsonSupport.malformed(e);
        }
        String path = path(mapping);
        String expected = mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                ? describe(mismatch.getTargetType())
                : null;
        String message = expected != null
                ? "expected " + expected + (path.isEmpty() ? "" : " at '" + path + "'")
                : "does not match the expected shape" + (path.isEmpty() ? "" : " at '" + path + "'");
        if (mapping.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
            message = iae.getMessage();
        }
        return new JsonException(JsonException.Kind.MISMATCH, path, message, e);
    }

    private static String path(JsonProcessingException processing) {
        if (!(processing instanceof JsonMappingException e)) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == int.class
                || type == Integer.class
                || type == long.class
                || type == Long.class
                || type == short.class
                || type == Short.class
                || type == byte.class
                || type == Byte.class
                || type == BigInteger.class) {
            return "an integer";
        }
        if (type == double.class
                || type == Double.class
                || type == float.class
                || type == Float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a boolean";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "an object (" + type.getSimpleName() + ")";
    }
}
