package dev.bricks.core.internal;

/**
 * Internal: a JSON string.
 *
 * <p><b>Not API</b> (see the package documentation).
 */
public final class JsonText extends JsonValue {

    private final String value;

    /** A string value; never null. */
    public JsonText(String value) {
        this.value = value;
    }

    @Override
    public boolean isTextual() {
        return true;
    }

    @Override
    public boolean isValueNode() {
        return true;
    }

    @Override
    public String textValue() {
        return value;
    }

    @Override
    public boolean asBoolean() {
        return "true".equals(value.trim());
    }

    @Override
    public String asText() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonText t && t.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
