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
 */
public record EngineCall(String operation, List<String> tables, String errorType) {

    private static final Set<String> WRITES =
            Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems");

    /** Checks and copies. */
    public EngineCall {
        Objects.requireNonNull(operation, "operation");
        tables = List.copyOf(tables);
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
