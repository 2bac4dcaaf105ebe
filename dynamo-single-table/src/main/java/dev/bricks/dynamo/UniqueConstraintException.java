package dev.bricks.dynamo;

/** A {@code @Unique} value is already held by another item of the same entity type. */
public final class UniqueConstraintException extends ConditionalFailureException {
    UniqueConstraintException(String entityType, String key, String component, Object value, Throwable cause) {
        super(
                Reason.UNIQUE_VALUE_TAKEN,
                entityType,
                key,
                "Unique constraint violated for entity " + entityType + " " + key + ": " + component + " '" + value
                        + "' is already taken",
                cause);
    }
}
