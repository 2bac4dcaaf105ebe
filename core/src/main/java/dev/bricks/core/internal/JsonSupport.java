package dev.bricks.core.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.bricks.core.json.Json;
import dev.bricks.core.json.JsonException;
import dev.bricks.core.json.Lenient;
import dev.bricks.core.validation.ValidationException;
import dev.bricks.core.validation.Validator;
import dev.bricks.core.validation.Violation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Internal: Bricks' JSON, on jackson-core's streaming parser and generator. Handler code uses {@link Json};
 * envelope parsers inside {@code core} read {@link JsonValue} trees.
 *
 * <p>Plain records, maps, collections and scalars are read and written here and by {@link RecordCodec};
 * everything else (and anything they do not handle) by {@link DatabindFallback}, so databind's classes load only
 * when a handler uses such a type, never on the cold start of one that does not.
 *
 * <p>Binding is strict: before a tree is bound, {@link JsonShape} checks it against the target type (no scalar
 * coercion unless a component is {@link Lenient}, integers exact, {@code java.time} values as ISO-8601 text), so
 * every wrong member is found, not only the first.
 *
 * <p><b>Not API</b> (see the package documentation): public only for core's other packages; may change in any
 * release.
 */
public final class JsonSupport {

    /** jackson-core's factory (an init-once cache): its default limits on nesting and lengths apply. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private JsonSupport() {}

    /**
     * Parses a document into a tree.
     *
     * @throws JsonException of kind {@code MALFORMED} (with line and column, never the input) when the bytes are
     *     not one JSON value
     */
    public static JsonValue tree(byte[] json) {
        JsonValue node;
        try (JsonParser parser = FACTORY.createParser(json)) {
            node = JsonTreeReader.read(parser);
        } catch (IOException e) {
            throw malformed(e);
        }
        if (node == null) {
            throw new JsonException(JsonException.Kind.MALFORMED, "", "empty JSON document");
        }
        return node;
    }

    /** Reads a document strictly as the given type; see {@link #convert(JsonValue, Class)}. */
    public static <T> T read(byte[] json, Class<T> type) {
        return convert(tree(json), type);
    }

    /**
     * Binds a tree strictly to the given type. The tree may be rewritten on the way (exact conversions such as
     * {@code 2.0} to an integer).
     *
     * @throws JsonException of kind {@code MISMATCH} naming the first wrong member and how many others there are
     */
    public static <T> T convert(JsonValue node, Class<T> type) {
        List<Violation> wrong = new ArrayList<>();
        JsonValue checked = JsonShape.checkRoot(type, node, wrong);
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
    public static <T> T bindValid(JsonValue node, Class<T> type, Validator<T> validator) {
        List<Violation> violations = new ArrayList<>();
        JsonValue checked = JsonShape.checkRoot(type, node, violations);
        if (checked == null) {
            throw new ValidationException(violations);
        }
        T value;
        try {
            value = bind(checked, type);
        } catch (JsonException e) {
            // a type whose shape is not checked ahead (a POJO, a Map of objects) failed in databind itself
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

    private static <T> T bind(JsonValue checked, Class<T> type) {
        if (RecordCodec.supports(type)) {
            try {
                return RecordCodec.read(checked, type);
            } catch (Exception e) {
                // databind reads it again and reports the failure exactly as before
            }
        }
        return DatabindFallback.read(write(checked), type);
    }

    /**
     * Writes a value or a {@link JsonValue} tree as UTF-8 JSON.
     *
     * @throws JsonException of kind {@code WRITE} when the value cannot be serialised
     */
    public static byte[] write(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator out = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            ValueWriter.write(value, out);
        } catch (IOException | RuntimeException e) {
            // databind writes it (and reports a failure) as Bricks always wrote it
            return DatabindFallback.write(value);
        }
        return bytes.toByteArray();
    }

    /** Writes a tree or value as a JSON string. */
    public static String writeString(Object value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }

    /** A tree as JSON text (a character generator: no surrogate escapes, unlike UTF-8 bytes). */
    static String text(JsonValue value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            ValueWriter.write(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /** A new empty object for building documents by hand. */
    public static JsonObject objectNode() {
        return new JsonObject();
    }

    /**
     * A parse failure as a {@code MALFORMED} exception: where, never what (the input may be a secret); for a
     * document over one of jackson-core's limits (nesting depth, number or string length), which limit.
     */
    static JsonException malformed(IOException e) {
        String where = "";
        if (e instanceof StreamConstraintsException limit && limit.getOriginalMessage() != null) {
            String message = limit.getOriginalMessage(); // sizes and the limit only, never the input
            int internals = message.indexOf(", from `");
            where = ": " + (internals > 0 ? message.substring(0, internals) + ")" : message);
        } else if (e instanceof JacksonException je && je.getLocation() != null) {
            where = " at line " + je.getLocation().getLineNr() + ", column "
                    + je.getLocation().getColumnNr();
        }
        return new JsonException(JsonException.Kind.MALFORMED, "", "malformed JSON" + where, e);
    }
}
