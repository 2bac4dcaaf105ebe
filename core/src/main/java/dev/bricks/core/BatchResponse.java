package dev.bricks.core;

import java.util.List;

/**
 * Lambda's partial batch response for SQS and stream event sources,
 * {@code {"batchItemFailures":[{"itemIdentifier":"…"}]}}: the items Lambda should retry. An empty list means
 * the whole batch succeeded. Honoured only when the event source mapping enables
 * {@code ReportBatchItemFailures}.
 *
 * @param batchItemFailures the failed items; never null
 */
public record BatchResponse(List<ItemFailure> batchItemFailures) {

    /** Copies the list. */
    public BatchResponse {
        batchItemFailures = batchItemFailures == null ? List.of() : List.copyOf(batchItemFailures);
    }

    /** A response reporting the given identifiers (SQS message ids or stream sequence numbers). */
    public static BatchResponse failing(List<String> identifiers) {
        return new BatchResponse(identifiers.stream().map(ItemFailure::new).toList());
    }

    /** The reported identifiers, in order. */
    public List<String> identifiers() {
        return batchItemFailures.stream().map(ItemFailure::itemIdentifier).toList();
    }

    /**
     * One failed item.
     *
     * @param itemIdentifier the SQS message id, or the stream record's sequence number; never blank
     */
    public record ItemFailure(String itemIdentifier) {

        /** Rejects a blank identifier, which Lambda would treat as a failure of the whole batch. */
        public ItemFailure {
            if (itemIdentifier == null || itemIdentifier.isBlank()) {
                throw new IllegalArgumentException("itemIdentifier must not be blank, was '" + itemIdentifier + "'");
            }
        }
    }
}
