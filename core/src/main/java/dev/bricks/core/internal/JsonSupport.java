package dev.bricks.core.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bricks.core.json.JsonException;
import java.io.IOException;

/**
 * Internal: the one Jackson configuration of Bricks, created once per JVM (an init-once cache). Not API:
 * handler code uses {@link dev.bricks.core.json.Json}; envelope parsers inside {@code core} use the tree.
 */
public final class JsonSupport {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private JsonSupport() {
    }

    /** Parses a document into a tree. */
    public static JsonNode tree(byte[] json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new JsonException(JsonException.Kind.MALFORMED, "", "empty JSON document");
            }
            return node;
        } catch (IOException e) {
            throw translate(e);
        }
    }

    /** Reads a document as the given type. */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new JsonException(JsonException.Kind.MISMATCH, "", "expected " + describe(type) + ", got null");
            }
            return value;
        } catch (IOException e) {
            throw translate(e);
        }
    }

    /** Converts a tree to the given type. */
    public static <T> T convert(JsonNode node, Class<T> type) {
        try {
            if (node == null || node.isNull() || node.isMissingNode()) {
                throw new JsonException(JsonException.Kind.MISMATCH, "", "expected " + describe(type) + ", got null");
            }
            return MAPPER.treeToValue(node, type);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    /** Writes a value as UTF-8 JSON. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new JsonException(JsonException.Kind.WRITE, "",
                    "cannot write " + (value == null ? "null" : value.getClass().getName()) + " as JSON");
        }
    }

    /** Writes a tree or value as a JSON string. */
    public static String writeString(Object value) {
        return new String(write(value), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A new empty object node for building documents by hand. */
    public static com.fasterxml.jackson.databind.node.ObjectNode objectNode() {
        return MAPPER.createObjectNode();
    }

    private static JsonException translate(IOException e) {
        if (e instanceof JsonMappingException mapping && !(e instanceof com.fasterxml.jackson.core.JsonParseException)) {
            String path = path(mapping);
            String expected = mapping instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
                    && mismatch.getTargetType() != null ? describe(mismatch.getTargetType()) : null;
            String message = expected != null
                    ? "expected " + expected + (path.isEmpty() ? "" : " at '" + path + "'")
                    : "does not match the expected shape" + (path.isEmpty() ? "" : " at '" + path + "'");
            if (mapping.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
                message = iae.getMessage();
            }
            return new JsonException(JsonException.Kind.MISMATCH, path, message);
        }
        String where = "";
        if (e instanceof JacksonException je && je.getLocation() != null) {
            where = " at line " + je.getLocation().getLineNr() + ", column " + je.getLocation().getColumnNr();
        }
        return new JsonException(JsonException.Kind.MALFORMED, "", "malformed JSON" + where);
    }

    private static String path(JsonMappingException e) {
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
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == byte.class || type == Byte.class
                || type == java.math.BigInteger.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a boolean";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "an object (" + type.getSimpleName() + ")";
    }
}
