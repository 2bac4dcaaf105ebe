package dev.bricks.core.internal;

/**
 * Internal: JSON {@code null}.
 *
 * <p><b>Not API</b> (see the package documentation).
 */
public final class JsonNull extends JsonValue {

    public static final JsonNull INSTANCE = new JsonNull();

    private JsonNull() {}

    @Override
    public boolean isNull() {
        return true;
    }

    @Override
    public boolean isValueNode() {
        return true;
    }

    @Override
    public String asText() {
        return "null";
    }
}
