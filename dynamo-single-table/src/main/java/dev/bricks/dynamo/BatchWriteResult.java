package dev.bricks.dynamo;

import java.util.List;
import java.util.Objects;

/**
 * Result of a batch write.
 *
 * @param written number of writes DynamoDB processed
 * @param unprocessed entities (for puts) and {@link EntityKey}s (for deletes) still unprocessed at the
 *     deadline; never null — nothing is dropped silently
 * @param retries number of retry rounds used
 */
public record BatchWriteResult(int written, List<Object> unprocessed, int retries) {
    public BatchWriteResult {
        unprocessed = List.copyOf(Objects.requireNonNull(unprocessed, "unprocessed"));
    }

    /** True when every write was processed. */
    public boolean complete() {
        return unprocessed.isEmpty();
    }
}
