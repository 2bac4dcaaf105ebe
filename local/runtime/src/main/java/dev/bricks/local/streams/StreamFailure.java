package dev.bricks.local.streams;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Stream records a mapping gave up on: what Lambda sends to the mapping's on-failure destination (an
 * invocation record with {@code DDBStreamBatchInfo}); here also the records themselves.
 *
 * @param functionId the function's logical id; never null
 * @param streamArn the stream; never null
 * @param shardId the shard; never null
 * @param condition why they were given up; never null
 * @param attempts how many times the function was invoked with them (0 when they expired before any attempt)
 * @param errorType the last attempt's error type, or {@code RecordAgeExceeded}; never null
 * @param records the Lambda-shaped records given up (DynamoDB stream records as JSON), in stream order; not empty
 * @param startSequenceNumber the first record's sequence number; never null
 * @param endSequenceNumber the last record's sequence number; never null
 * @param time when they were given up; never null
 */
public record StreamFailure(
        String functionId,
        String streamArn,
        String shardId,
        Condition condition,
        int attempts,
        String errorType,
        List<String> records,
        String startSequenceNumber,
        String endSequenceNumber,
        Instant time) {

    /** Why records were given up, named as Lambda's on-failure records name it. */
    public enum Condition {
        /** The batch failed {@code MaximumRetryAttempts + 1} times. */
        RetryAttemptsExhausted,
        /** A record got older than {@code MaximumRecordAgeInSeconds}. */
        RecordAgeExceeded
    }

    /** Checks the non-null components and copies the list. */
    public StreamFailure {
        Objects.requireNonNull(functionId, "functionId");
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(shardId, "shardId");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(errorType, "errorType");
        records = List.copyOf(records);
        Objects.requireNonNull(startSequenceNumber, "startSequenceNumber");
        Objects.requireNonNull(endSequenceNumber, "endSequenceNumber");
        Objects.requireNonNull(time, "time");
    }

    /** One line for the console. */
    public String toLogLine() {
        return "stream records given up: " + functionId + " " + records.size() + " record"
                + (records.size() == 1 ? "" : "s") + " " + startSequenceNumber
                + (records.size() == 1 ? "" : ".." + endSequenceNumber) + " after " + attempts + " attempt"
                + (attempts == 1 ? "" : "s") + " (" + condition + "): " + errorType;
    }
}
