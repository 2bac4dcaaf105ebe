package dev.bricks.local.dynamodb;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One operation the engine ran, as reported to a {@link CallListener}: after it was applied (or refused) and
 * before its response is sent.
 *
 * @param operation the DynamoDB API name, e.g. {@code "TransactWriteItems"}; never null
 * @param tables the tables the request names, in request order, without repeats; never null
 * @param errorType null when the operation succeeded (a write is then applied); else the error's type, e.g.
 *     {@code "ConditionalCheckFailedException"}
 * @param changes the items the operation changed, in the order applied (all of a transaction or batch); empty
 *     for a read, a refused write, or a write that left the item as it was; never null
 * @param callerAccessKeyId the access key id the request was signed with ({@code Credential=<id>/…} of its SigV4
 *     {@code Authorization} header); null for an unsigned request
 */
public record EngineCall(
        String operation, List<String> tables, String errorType, List<ItemChange> changes, String callerAccessKeyId) {

    private static final Set<String> WRITES =
            Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems");

    /** Checks and copies. */
    public EngineCall {
        Objects.requireNonNull(operation, "operation");
        tables = List.copyOf(tables);
        changes = List.copyOf(changes);
    }

    /** A call without item changes and without a known caller. */
    public EngineCall(String operation, List<String> tables, String errorType) {
        this(operation, tables, errorType, List.of(), null);
    }

    /** Whether the operation succeeded. */
    public boolean succeeded() {
        return errorType == null;
    }

    /** Whether this is a successful item write (PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems). */
    public boolean committedWrite() {
        return succeeded() && WRITES.contains(operation);
    }
}
