package dev.bricks.core.internal;

import dev.bricks.core.Correlation;
import java.util.List;
import java.util.function.Function;

/**
 * Internal: the per-record loop of the batch handlers (SQS, DynamoDB stream, S3). Each record runs with its
 * own correlation id set; the batch's correlation id is put back after each record. What a failure does
 * (report and go on, report and stop, rethrow) is the caller's {@link OnFailure}. Stateless.
 *
 * <p><b>Not API</b> (see the package documentation): public only for core's other packages; may change in any
 * release.
 */
public final class RecordLoop {

    private RecordLoop() {}

    /** Processes one record. */
    @FunctionalInterface
    public interface Action<R> {
        void handle(R record) throws Exception;
    }

    /** Decides what a failed record means for the rest of the batch. */
    @FunctionalInterface
    public interface OnFailure<R, X extends Exception> {
        /**
         * Called while the failed record's correlation id is still set.
         *
         * @param index the record's position in the batch
         * @return true to go on with the next record, false to stop the loop
         * @throws X to end the loop and the invocation with it
         */
        boolean failed(int index, R record, Exception failure) throws X;
    }

    /** The invocation's correlation id: the first record's, or null for an empty batch. */
    public static <R> String firstCorrelation(List<R> records, Function<R, String> correlationId) {
        return records.isEmpty() ? null : correlationId.apply(records.get(0));
    }

    /**
     * Runs {@code action} on each record in order.
     *
     * @param records the batch; never null
     * @param correlationId a record's correlation id; null leaves the current one in place
     * @param action what to do with one record
     * @param onFailure what a thrown exception means for the batch
     */
    public static <R, X extends Exception> void run(
            List<R> records, Function<R, String> correlationId, Action<R> action, OnFailure<R, X> onFailure) throws X {
        String batchCorrelation = Correlation.current().orElse(null);
        for (int i = 0; i < records.size(); i++) {
            R record = records.get(i);
            String id = correlationId.apply(record);
            if (id != null) {
                Correlation.set(id);
            }
            try {
                action.handle(record);
            } catch (Exception e) {
                if (!onFailure.failed(i, record, e)) {
                    return;
                }
            } finally {
                if (batchCorrelation != null) {
                    Correlation.set(batchCorrelation);
                }
            }
        }
    }
}
