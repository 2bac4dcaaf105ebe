package dev.bricks.dynamo;

/** A pagination cursor was forged, corrupted, or issued for another entity, collection, index or partition. */
public final class InvalidCursorException extends SingleTableException {
    InvalidCursorException(String message) {
        super(Reason.INVALID_CURSOR, "Cursor rejected: " + message);
    }
}
