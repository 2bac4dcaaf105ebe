package dev.bricks.dynamo;

import java.util.Objects;

/**
 * A batch write stopped on a DynamoDB error (throttling beyond the SDK's retries, a network failure...). The
 * writes of earlier chunks are applied: {@link #progress()} counts them and lists every write not confirmed
 * (the failed chunk and all later ones), so the caller can retry exactly those. Reason {@link Reason#BATCH_FAILED}.
 */
public final class BatchWriteException extends SingleTableException {
    private final transient BatchWriteResult progress;

    BatchWriteException(BatchWriteResult progress, RuntimeException cause) {
        super(
                Reason.BATCH_FAILED,
                "Batch write stopped after " + progress.written() + " write(s); "
                        + progress.unprocessed().size() + " not confirmed: " + cause.getMessage(),
                cause);
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** What was written before the failure and what was not; never null. */
    public BatchWriteResult progress() {
        return progress;
    }
}
