package dev.bricks.dynamo;

import java.util.List;

/** A key (table or index) could not be composed because template components have no value. */
public final class KeyTemplateMissingValueException extends InvalidRequestException {
    private final List<String> missingComponents;

    /** For key rendering in {@code dev.bricks.dynamo.schema}; not meant to be thrown by application code. */
    public KeyTemplateMissingValueException(String owner, String template, List<String> missing) {
        super(
                Reason.KEY_VALUE_MISSING,
                "Key template '" + template + "' of " + owner + " is missing a value for " + missing);
        this.missingComponents = List.copyOf(missing);
    }

    /** For key rendering in {@code dev.bricks.dynamo.schema}; not meant to be thrown by application code. */
    public KeyTemplateMissingValueException(String message, List<String> missing) {
        super(Reason.KEY_VALUE_MISSING, message);
        this.missingComponents = List.copyOf(missing);
    }

    /** The components without a value; never empty. */
    public List<String> missingComponents() {
        return missingComponents;
    }
}
