package dev.bricks.dynamo;

import java.util.Objects;

/**
 * A batch get stopped on a DynamoDB error. {@link #progress()} holds the entities already read and, as
 * unprocessed, every key not yet read. Reason {@link Reason#BATCH_FAILED}.
 */
public final class BatchGetException extends SingleTableException {
    private final transient BatchGetResult progress;

    BatchGetException(BatchGetResult progress, RuntimeException cause) {
        super(
                Reason.BATCH_FAILED,
                "Batch get stopped after " + progress.items().size() + " item(s); "
                        + progress.unprocessed().size() + " key(s) not read: " + cause.getMessage(),
                cause);
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** The entities read before the failure and the keys not read; never null. */
    public BatchGetResult progress() {
        return progress;
    }
}
