package dev.bricks.dynamo;

/**
 * A write's condition was not met: {@link #reason()} is {@link Reason#ALREADY_EXISTS}, {@link Reason#NOT_FOUND},
 * {@link Reason#CONDITION_FAILED}, {@link Reason#VERSION_CONFLICT} or {@link Reason#UNIQUE_VALUE_TAKEN}.
 */
public class ConditionalFailureException extends SingleTableException {
    private final String entityType;
    private final String key;

    ConditionalFailureException(Reason reason, String entityType, String key, String message, Throwable cause) {
        super(reason, message, cause);
        this.entityType = entityType;
        this.key = key;
    }

    /** The entity type of the item concerned. */
    public String entityType() {
        return entityType;
    }

    /** The item key, rendered as {@code PK=..., SK=...}. */
    public String key() {
        return key;
    }
}
