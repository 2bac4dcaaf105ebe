package dev.bricks.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A transaction was cancelled. {@link #cancellations()} says, per action, what happened ({@link Code#CONDITIONAL_CHECK_FAILED},
 * {@link Code#TRANSACTION_CONFLICT}, {@link Code#NONE}... with DynamoDB's raw code kept) and which entity it
 * concerned. Reason {@link SingleTableException.Reason#TRANSACTION_CANCELLED}.
 */
public final class TransactionCancelledException extends SingleTableException {
    /** DynamoDB's cancellation reason codes. */
    public enum Code {
        /** This action was fine; another one cancelled the transaction. */
        NONE("None"),
        /** The action's condition (existence, version, unique value, caller condition) was false. */
        CONDITIONAL_CHECK_FAILED("ConditionalCheckFailed"),
        /** Another transaction or write touched the item at the same time; retry. */
        TRANSACTION_CONFLICT("TransactionConflict"),
        /** An item collection of a local secondary index is over 10 GB. */
        ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED("ItemCollectionSizeLimitExceeded"),
        /** Provisioned throughput exceeded. */
        PROVISIONED_THROUGHPUT_EXCEEDED("ProvisionedThroughputExceeded"),
        /** Throttled. */
        THROTTLING_ERROR("ThrottlingError"),
        /** The action was invalid (e.g. an item too large after an update). */
        VALIDATION_ERROR("ValidationError"),
        /** A code this version does not know (see the raw code), or none returned. */
        UNKNOWN("Unknown");

        private final String wire;

        Code(String wire) {
            this.wire = wire;
        }

        /** The code for DynamoDB's string; {@link #UNKNOWN} for null or new codes. */
        public static Code of(String raw) {
            for (Code c : values()) {
                if (c.wire.equals(raw)) {
                    return c;
                }
            }
            return UNKNOWN;
        }
    }

    private final List<Cancellation> cancellations;

    /**
     * What happened to one action of a cancelled transaction.
     *
     * @param index action position (0-based)
     * @param operation {@code PUT}, {@code UPDATE}, {@code DELETE} or {@code CHECK}; never null
     * @param entityType the entity type of the action (or the label of a raw item); never null
     * @param key the item key, rendered; never null
     * @param code the cancellation code; never null
     * @param rawCode DynamoDB's code as sent ({@code "Unknown"} when none was returned); never null
     * @param detail our reading of the failure (version conflict, already exists, unique value taken...), or the
     *     DynamoDB message; never null
     */
    public record Cancellation(
            int index, String operation, String entityType, String key, Code code, String rawCode, String detail) {
        public Cancellation {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(entityType, "entityType");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(rawCode, "rawCode");
            Objects.requireNonNull(detail, "detail");
        }

        /** True when this action caused the cancellation. */
        public boolean failed() {
            return code != Code.NONE;
        }
    }

    private TransactionCancelledException(String message, List<Cancellation> cancellations, Throwable cause) {
        super(Reason.TRANSACTION_CANCELLED, message, cause);
        this.cancellations = List.copyOf(cancellations);
    }

    static TransactionCancelledException of(List<WriteAction> actions, TransactionCanceledException e) {
        List<CancellationReason> raw = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        List<Cancellation> out = new ArrayList<>();
        StringBuilder msg = new StringBuilder("Transaction cancelled:");
        for (int i = 0; i < actions.size(); i++) {
            WriteAction a = actions.get(i);
            CancellationReason r = i < raw.size() ? raw.get(i) : null;
            String rawCode = r == null || r.code() == null ? "Unknown" : r.code();
            Code code = Code.of(rawCode);
            String detail;
            if (code == Code.CONDITIONAL_CHECK_FAILED) {
                detail = a.conditionFailed(r.hasItem() ? r.item() : null, null).getMessage();
            } else {
                detail = r == null || r.message() == null ? rawCode : r.message();
            }
            out.add(new Cancellation(i, a.op().name(), a.entityType(), a.describeKey(), code, rawCode, detail));
            if (code != Code.NONE) {
                msg.append(" [")
                        .append(i)
                        .append("] ")
                        .append(a.op())
                        .append(' ')
                        .append(a.entityType())
                        .append(' ')
                        .append(a.describeKey())
                        .append(": ")
                        .append(rawCode)
                        .append(" (")
                        .append(detail)
                        .append(");");
            }
        }
        if (raw.isEmpty()) {
            msg.append(" no reasons returned: ").append(e.getMessage());
        }
        return new TransactionCancelledException(msg.toString(), out, e);
    }

    /** One outcome per action, in action order; never null. */
    public List<Cancellation> cancellations() {
        return cancellations;
    }

    /** The outcomes of the actions that caused the cancellation. */
    public List<Cancellation> failures() {
        return cancellations.stream().filter(Cancellation::failed).toList();
    }
}
