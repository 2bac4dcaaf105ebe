package dev.bricks.dynamo;

/**
 * A key template component value would make the key ambiguous: it is empty, or contains one of the template's
 * delimiter characters (the non-alphanumeric characters of its literal text, e.g. {@code #} in
 * {@code USER#{userId}#DOC#{docId}}), so two different entities could get the same key or a prefix query could
 * match the wrong items. Reason {@link Reason#KEY_VALUE_INVALID}.
 */
public final class InvalidKeyValueException extends InvalidRequestException {
    private final String owner;
    private final String component;
    private final int position;

    /** For key rendering in {@code dev.bricks.dynamo.schema}; not meant to be thrown by application code. */
    public InvalidKeyValueException(
            String owner, String template, String component, int position, String value, String problem) {
        super(
                Reason.KEY_VALUE_INVALID,
                "Key template '" + template + "' of " + owner + ": value '" + value + "' of component '" + component
                        + "' (placeholder " + (position + 1) + ") " + problem);
        this.owner = owner;
        this.component = component;
        this.position = position;
    }

    /** What the template belongs to, e.g. {@code ORDER PK} or {@code ORDER index GSI1 SK}. */
    public String owner() {
        return owner;
    }

    /** The component whose value was refused. */
    public String component() {
        return component;
    }

    /** The 0-based placeholder position in the template. */
    public int position() {
        return position;
    }
}
