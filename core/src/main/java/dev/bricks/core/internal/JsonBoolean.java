package dev.bricks.core.internal;

/**
 * Internal: JSON {@code true} or {@code false}.
 *
 * <p><b>Not API</b> (see the package documentation).
 */
public final class JsonBoolean extends JsonValue {

    public static final JsonBoolean TRUE = new JsonBoolean(true);
    public static final JsonBoolean FALSE = new JsonBoolean(false);

    private final boolean value;

    private JsonBoolean(boolean value) {
        this.value = value;
    }

    /** {@link #TRUE} or {@link #FALSE}. */
    public static JsonBoolean of(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public boolean isBoolean() {
        return true;
    }

    @Override
    public boolean isValueNode() {
        return true;
    }

    @Override
    public boolean booleanValue() {
        return value;
    }

    @Override
    public boolean asBoolean() {
        return value;
    }

    @Override
    public String asText() {
        return value ? "true" : "false";
    }
}
