package dev.bricks.dynamo;

/** The item's {@code @Version} was not the version the write expected: someone else wrote first. */
public final class VersionConflictException extends ConditionalFailureException {
    private final Long expected;
    private final Long actual;

    VersionConflictException(String entityType, String key, Long expected, Long actual, Throwable cause) {
        super(
                Reason.VERSION_CONFLICT,
                entityType,
                key,
                "Version conflict on entity " + entityType + " " + key + ": expected version "
                        + (expected == null ? "<new item>" : expected) + ", found "
                        + (actual == null ? "no version (item absent, or not returned)" : actual),
                cause);
        this.expected = expected;
        this.actual = actual;
    }

    /** Version the write expected; null when it expected a new item. */
    public Long expected() {
        return expected;
    }

    /** Version found in the table, when DynamoDB returned it; null if unknown or the item is absent. */
    public Long actual() {
        return actual;
    }
}
