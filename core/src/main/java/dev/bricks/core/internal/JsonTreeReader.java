package dev.bricks.core.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonTokenId;
import java.io.IOException;

/**
 * Reads one JSON document into a {@link JsonValue} tree with jackson-core's streaming parser (which enforces
 * jackson-core's limits on nesting, string and number length). Numbers are kept as databind's tree keeps them:
 * {@code Integer}, {@code Long} or {@code BigInteger} for integers, {@code Double} otherwise. Stateless.
 */
final class JsonTreeReader {

    private JsonTreeReader() {}

    /**
     * The document's value, or null when the input holds no value (empty or only whitespace).
     *
     * @throws JsonParseException when the input is not one JSON value (trailing content included)
     */
    static JsonValue read(JsonParser parser) throws IOException {
        if (parser.nextToken() == null) {
            return null;
        }
        JsonValue root = value(parser);
        if (parser.nextToken() != null) {
            throw new JsonParseException(parser, "trailing content after the JSON value");
        }
        return root;
    }

    /** The value starting at the parser's current token. */
    private static JsonValue value(JsonParser parser) throws IOException {
        switch (parser.currentTokenId()) {
            case JsonTokenId.ID_START_OBJECT:
                JsonObject object = new JsonObject();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    next(parser);
                    object.set(name, value(parser));
                }
                return object;
            case JsonTokenId.ID_START_ARRAY:
                JsonArray array = new JsonArray();
                while (next(parser) != JsonTokenId.ID_END_ARRAY) {
                    array.add(value(parser));
                }
                return array;
            case JsonTokenId.ID_STRING:
                return new JsonText(parser.getText());
            case JsonTokenId.ID_NUMBER_INT:
                return new JsonNumber(integer(parser));
            case JsonTokenId.ID_NUMBER_FLOAT:
                return new JsonNumber(parser.getDoubleValue());
            case JsonTokenId.ID_TRUE:
                return JsonBoolean.TRUE;
            case JsonTokenId.ID_FALSE:
                return JsonBoolean.FALSE;
            case JsonTokenId.ID_NULL:
                return JsonNull.INSTANCE;
            default:
                throw new JsonParseException(parser, "unexpected token " + parser.currentToken());
        }
    }

    private static Number integer(JsonParser parser) throws IOException {
        JsonParser.NumberType type = parser.getNumberType();
        if (type == JsonParser.NumberType.INT) {
            return parser.getIntValue();
        }
        if (type == JsonParser.NumberType.LONG) {
            return parser.getLongValue();
        }
        return parser.getBigIntegerValue();
    }

    /** Advances; the parser reports an input that ends inside a container itself, this is a safety net. */
    private static int next(JsonParser parser) throws IOException {
        if (parser.nextToken() == null) {
            throw new JsonParseException(parser, "unexpected end of input");
        }
        return parser.currentTokenId();
    }
}
