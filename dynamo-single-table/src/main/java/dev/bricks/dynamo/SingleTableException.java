package dev.bricks.dynamo;

import java.util.Objects;

/**
 * Base of every exception this module throws on purpose; messages name the entity, key and cause, and
 * {@link #reason()} says what went wrong as an enum, so callers switch on it instead of on subclasses or
 * messages (as {@code DenyReason} in auth and {@code EventRejectedException.Reason} in events).
 */
public class SingleTableException extends RuntimeException {
    /** What went wrong; one value per distinct cause a caller may react to. */
    public enum Reason {
        /** A request was refused before anything was sent (empty or oversized transaction, duplicate key...). */
        INVALID_REQUEST,
        /** A key template component has no value. */
        KEY_VALUE_MISSING,
        /** A key template component value is empty or contains the template's delimiter. */
        KEY_VALUE_INVALID,
        /** An attribute is an empty set, which DynamoDB cannot store. */
        EMPTY_SET,
        /** The item is over DynamoDB's 400 KB limit. */
        ITEM_TOO_LARGE,
        /** A write that must create the item found it present. */
        ALREADY_EXISTS,
        /** A write that needs the item found it absent. */
        NOT_FOUND,
        /** A caller-given condition was false. */
        CONDITION_FAILED,
        /** The stored {@code @Version} was not the expected one: someone else wrote first. */
        VERSION_CONFLICT,
        /** A {@code @Unique} value is already held by another item. */
        UNIQUE_VALUE_TAKEN,
        /** An item of another entity type (or without one) was read. */
        ENTITY_TYPE_MISMATCH,
        /** A pagination cursor was forged, expired, or issued for another query. */
        INVALID_CURSOR,
        /** DynamoDB cancelled a transaction; see {@link TransactionCancelledException#cancellations()}. */
        TRANSACTION_CANCELLED,
        /** A batch stopped on a DynamoDB error; the progress so far is carried by {@link BatchWriteException}. */
        BATCH_FAILED
    }

    private final Reason reason;

    SingleTableException(Reason reason, String message) {
        this(reason, message, null);
    }

    SingleTableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** What went wrong; never null. */
    public Reason reason() {
        return reason;
    }
}
