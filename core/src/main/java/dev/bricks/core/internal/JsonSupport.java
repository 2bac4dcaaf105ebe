package dev.bricks.core.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.bricks.core.json.Json;
import dev.bricks.core.json.JsonException;
import dev.bricks.core.json.Lenient;
import dev.bricks.core.validation.ValidationException;
import dev.bricks.core.validation.Validator;
import dev.bricks.core.validation.Violation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Internal: the one Jackson configuration of Bricks, created once per JVM (an init-once cache). Handler
 * code uses {@link Json}; envelope parsers inside {@code core} use the tree.
 *
 * <p>Plain records are read and written by {@link RecordCodec} (no databind bean introspection at cold start);
 * everything else, and anything it does not handle, by Jackson databind.
 *
 * <p>Binding is strict: before Jackson binds a tree, {@link JsonShape} checks it against the target type (no
 * scalar coercion unless a component is {@link Lenient}, integers exact, {@code java.time}
 * values as ISO-8601 text), so every wrong member is found, not only the first.
 *
 * <p><b>Not API</b> (see the package documentation): public only for core's other packages; may change in any
 * release.
 */
public final class JsonSupport {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
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
            .addModule(TimeCodec.module())
            .build();

    private JsonSupport() {}

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

    /** Reads a document strictly as the given type; see {@link #convert(JsonNode, Class)}. */
    public static <T> T read(byte[] json, Class<T> type) {
        return convert(tree(json), type);
    }

    /**
     * Binds a tree strictly to the given type. The tree may be rewritten on the way (exact conversions such as
     * {@code 2.0} to an integer).
     *
     * @throws JsonException of kind {@code MISMATCH} naming the first wrong member and how many others there are
     */
    public static <T> T convert(JsonNode node, Class<T> type) {
        List<Violation> wrong = new ArrayList<>();
        JsonNode checked = JsonShape.checkRoot(type, node, wrong);
        if (!wrong.isEmpty()) {
            Violation first = wrong.get(0);
            String more = wrong.size() == 1 ? "" : " (and " + (wrong.size() - 1) + " more wrong member(s))";
            throw new JsonException(
                    JsonException.Kind.MISMATCH,
                    first.field().equals("$") ? "" : first.field(),
                    first.field() + " " + first.message() + more);
        }
        return bind(checked, type);
    }

    /**
     * Binds a tree strictly to the given type and validates the value: every member of the wrong type and
     * every constraint violation of the members that bound, in one exception.
     *
     * @throws ValidationException listing every invalid field ({@code $} for the document itself)
     */
    public static <T> T bindValid(JsonNode node, Class<T> type, Validator<T> validator) {
        List<Violation> violations = new ArrayList<>();
        JsonNode checked = JsonShape.checkRoot(type, node, violations);
        if (checked == null) {
            throw new ValidationException(violations);
        }
        T value;
        try {
            value = bind(checked, type);
        } catch (JsonException e) {
            // a type whose shape is not checked ahead (a POJO, a Map of objects) failed in Jackson itself
            violations.add(new Violation(e.path().isEmpty() ? "$" : e.path(), e.getMessage()));
            throw new ValidationException(violations);
        }
        for (Violation v : validator.validate(value)) {
            if (!underAny(v.field(), violations)) {
                violations.add(v);
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return value;
    }

    /** Whether a constraint violation concerns a member already reported as wrong (its placeholder failed). */
    private static boolean underAny(String field, List<Violation> wrong) {
        for (Violation w : wrong) {
            String path = w.field();
            if (field.equals(path) || field.startsWith(path + ".") || field.startsWith(path + "[")) {
                return true;
            }
        }
        return false;
    }

    private static <T> T bind(JsonNode checked, Class<T> type) {
        if (RecordCodec.supports(type)) {
            try {
                return RecordCodec.read(checked, type);
            } catch (Exception e) {
                // databind reads it again and reports the failure exactly as before
            }
        }
        try {
            return MAPPER.treeToValue(checked, type);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    /** Writes a value as UTF-8 JSON. */
    public static byte[] write(Object value) {
        if (value != null && RecordCodec.supports(value.getClass())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            try (JsonGenerator out = MAPPER.getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
                RecordCodec.write(value, out);
            } catch (IOException | RuntimeException e) {
                bytes = null; // databind writes it and reports the failure exactly as before
            }
            if (bytes != null) {
                return bytes.toByteArray();
            }
        }
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new JsonException(
                    JsonException.Kind.WRITE,
                    path(e),
                    "cannot write " + (value == null ? "null" : value.getClass().getName()) + " as JSON",
                    e);
        }
    }

    /** Writes a tree or value as a JSON string. */
    public static String writeString(Object value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }

    /** A new empty object node for building documents by hand. */
    public static ObjectNode objectNode() {
        return MAPPER.createObjectNode();
    }

    private static JsonException translate(IOException e) {
        if (e instanceof JsonMappingException mapping && !(e instanceof JsonParseException)) {
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
        String where = "";
        if (e instanceof JacksonException je && je.getLocation() != null) {
            where = " at line " + je.getLocation().getLineNr() + ", column "
                    + je.getLocation().getColumnNr();
        }
        return new JsonException(JsonException.Kind.MALFORMED, "", "malformed JSON" + where, e);
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
