package dev.bricks.test;

import dev.bricks.core.BatchResponse;
import java.util.List;
import java.util.Objects;

/** Assertions on a partial batch response; made by {@link BricksAssertions#assertThat(BatchResponse)}. */
public final class BatchResponseAssert {

    private final BatchResponse actual;

    BatchResponseAssert(BatchResponse actual) {
        this.actual = Objects.requireNonNull(actual, "actual");
    }

    /** No item failed: Lambda deletes (SQS) or checkpoints (streams) the whole batch. */
    public BatchResponseAssert hasNoFailures() {
        if (!actual.batchItemFailures().isEmpty()) {
            throw new AssertionError("expected no batch item failures but were " + actual.identifiers());
        }
        return this;
    }

    /** Exactly these items failed, in this order (SQS message ids or stream sequence numbers). */
    public BatchResponseAssert hasFailedItems(String... identifiers) {
        if (!actual.identifiers().equals(List.of(identifiers))) {
            throw new AssertionError(
                    "expected batch item failures " + List.of(identifiers) + " but were " + actual.identifiers());
        }
        return this;
    }
}
