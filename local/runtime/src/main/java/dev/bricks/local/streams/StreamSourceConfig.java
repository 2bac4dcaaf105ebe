package dev.bricks.local.streams;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One DynamoDB stream event source mapping: a SAM {@code DynamoDB} event's properties. Build with
 * {@link #builder(String, String)}; the defaults are Lambda's.
 *
 * @param functionId the function's logical id; not null
 * @param tableName the table whose (latest) stream is read; not null
 * @param batchSize most records per invocation, 1-10000 (default 100)
 * @param maximumBatchingWindow how long to gather records before invoking, 0-300 s (default 0)
 * @param startingPosition where to start reading (default {@link StartingPosition#LATEST})
 * @param reportBatchItemFailures whether the function answers {@code {"batchItemFailures":[{"itemIdentifier":…}]}}
 *     (SAM's {@code FunctionResponseTypes: [ReportBatchItemFailures]})
 * @param bisectBatchOnFunctionError whether a failed batch is split in two before it is retried
 * @param maximumRetryAttempts retries of a failed batch before its records give up, -1 (forever, the default) to
 *     10000
 * @param maximumRecordAge records older than this are not processed but given up; empty (the default) for no
 *     limit; else 60 s to 7 days
 * @param onFailureDestination {@code DestinationConfig.OnFailure.Destination}, shown with the records that give up
 *     (they are listed and printed either way); may be empty
 * @param filterPatterns Lambda event filtering patterns ({@code FilterCriteria.Filters[].Pattern}); a record
 *     matching none of them is dropped without invoking, as Lambda drops it; empty for no filtering
 * @param pollInterval the wait between two empty {@code GetRecords} calls (Lambda polls each shard four times a
 *     second: 250 ms)
 */
public record StreamSourceConfig(
        String functionId,
        String tableName,
        int batchSize,
        Duration maximumBatchingWindow,
        StartingPosition startingPosition,
        boolean reportBatchItemFailures,
        boolean bisectBatchOnFunctionError,
        int maximumRetryAttempts,
        Optional<Duration> maximumRecordAge,
        Optional<String> onFailureDestination,
        List<String> filterPatterns,
        Duration pollInterval) {

    /** Lambda's default batch size for DynamoDB streams: 100 records. */
    public static final int DEFAULT_BATCH_SIZE = 100;
    /** Lambda's default for retries: -1, retry until the record expires. */
    public static final int RETRY_FOREVER = -1;
    /** Lambda's polling rate: four times a second per shard. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(250);

    /**
     * Checks every component against Lambda's limits.
     *
     * @throws IllegalArgumentException naming the property and its allowed range
     */
    public StreamSourceConfig {
        Objects.requireNonNull(functionId, "functionId");
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(maximumBatchingWindow, "maximumBatchingWindow");
        Objects.requireNonNull(startingPosition, "startingPosition");
        Objects.requireNonNull(maximumRecordAge, "maximumRecordAge");
        Objects.requireNonNull(onFailureDestination, "onFailureDestination");
        Objects.requireNonNull(pollInterval, "pollInterval");
        filterPatterns = List.copyOf(filterPatterns);
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("BatchSize must be 1-10000, was " + batchSize);
        }
        if (maximumBatchingWindow.isNegative() || maximumBatchingWindow.compareTo(Duration.ofSeconds(300)) > 0) {
            throw new IllegalArgumentException(
                    "MaximumBatchingWindowInSeconds must be 0-300, was " + maximumBatchingWindow.toSeconds());
        }
        if (maximumRetryAttempts < -1 || maximumRetryAttempts > 10_000) {
            throw new IllegalArgumentException("MaximumRetryAttempts must be -1-10000, was " + maximumRetryAttempts);
        }
        maximumRecordAge.ifPresent(age -> {
            if (age.compareTo(Duration.ofSeconds(60)) < 0 || age.compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalArgumentException(
                        "MaximumRecordAgeInSeconds must be -1 or 60-604800, was " + age.toSeconds());
            }
        });
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
        }
    }

    /** A builder with Lambda's defaults for the mapping of {@code tableName}'s stream to {@code functionId}. */
    public static Builder builder(String functionId, String tableName) {
        return new Builder(functionId, tableName);
    }

    /** Builds a {@link StreamSourceConfig}; one setter per property. Not thread-safe. */
    public static final class Builder {
        private final String functionId;
        private final String tableName;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Duration maximumBatchingWindow = Duration.ZERO;
        private StartingPosition startingPosition = StartingPosition.LATEST;
        private boolean reportBatchItemFailures;
        private boolean bisectBatchOnFunctionError;
        private int maximumRetryAttempts = RETRY_FOREVER;
        private Optional<Duration> maximumRecordAge = Optional.empty();
        private Optional<String> onFailureDestination = Optional.empty();
        private List<String> filterPatterns = List.of();
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;

        private Builder(String functionId, String tableName) {
            this.functionId = functionId;
            this.tableName = tableName;
        }

        /** {@code BatchSize}. */
        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        /** {@code MaximumBatchingWindowInSeconds}. */
        public Builder maximumBatchingWindow(Duration value) {
            this.maximumBatchingWindow = value;
            return this;
        }

        /** {@code StartingPosition}. */
        public Builder startingPosition(StartingPosition value) {
            this.startingPosition = value;
            return this;
        }

        /** {@code FunctionResponseTypes: [ReportBatchItemFailures]}. */
        public Builder reportBatchItemFailures(boolean value) {
            this.reportBatchItemFailures = value;
            return this;
        }

        /** {@code BisectBatchOnFunctionError}. */
        public Builder bisectBatchOnFunctionError(boolean value) {
            this.bisectBatchOnFunctionError = value;
            return this;
        }

        /** {@code MaximumRetryAttempts}; -1 to retry until the record expires. */
        public Builder maximumRetryAttempts(int value) {
            this.maximumRetryAttempts = value;
            return this;
        }

        /** {@code MaximumRecordAgeInSeconds}; null for no limit (CloudFormation's -1). */
        public Builder maximumRecordAge(Duration value) {
            this.maximumRecordAge = Optional.ofNullable(value);
            return this;
        }

        /** {@code DestinationConfig.OnFailure.Destination}; null for none. */
        public Builder onFailureDestination(String value) {
            this.onFailureDestination = Optional.ofNullable(value);
            return this;
        }

        /** {@code FilterCriteria.Filters[].Pattern}, each a JSON pattern. */
        public Builder filterPatterns(List<String> value) {
            this.filterPatterns = value;
            return this;
        }

        /** The wait between two empty polls. */
        public Builder pollInterval(Duration value) {
            this.pollInterval = value;
            return this;
        }

        /** @throws IllegalArgumentException naming a property out of Lambda's range */
        public StreamSourceConfig build() {
            return new StreamSourceConfig(
                    functionId,
                    tableName,
                    batchSize,
                    maximumBatchingWindow,
                    startingPosition,
                    reportBatchItemFailures,
                    bisectBatchOnFunctionError,
                    maximumRetryAttempts,
                    maximumRecordAge,
                    onFailureDestination,
                    filterPatterns,
                    pollInterval);
        }
    }
}
