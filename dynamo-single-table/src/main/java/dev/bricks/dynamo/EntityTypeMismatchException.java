package dev.bricks.dynamo;

/** An item of another entity type (or without one) was read where an entity of a given type was expected. */
public final class EntityTypeMismatchException extends SingleTableException {
    EntityTypeMismatchException(String expected, String actual, String key) {
        super(
                Reason.ENTITY_TYPE_MISMATCH,
                "Item " + key + " has entity type " + (actual == null ? "<none>" : "'" + actual + "'") + ", expected '"
                        + expected + "'");
    }
}
