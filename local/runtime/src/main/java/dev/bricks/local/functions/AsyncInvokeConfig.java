package dev.bricks.local.functions;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link AsyncInvoker} retries a failed asynchronous invocation, as Lambda's event invoke configuration
 * ({@code MaximumRetryAttempts}, {@code MaximumEventAgeInSeconds}) does.
 *
 * <p>Lambda retries a failed asynchronous invocation twice by default, waiting about one minute before the first
 * retry and about two minutes before the second. Locally that would make a failing function tedious to watch,
 * so {@link #LOCAL_DEFAULT} keeps the two retries but waits 200 ms, then 400 ms; {@link #AWS_DEFAULT} has Lambda's
 * delays. Each retry waits twice as long as the one before.
 *
 * @param maximumRetryAttempts retries after the first attempt, 0 to 2 (Lambda's range)
 * @param maximumEventAge an event older than this (since it was queued) is not attempted again; 60 s to 6 h on
 *     Lambda, any positive duration here; never null
 * @param firstRetryDelay the wait before the first retry, doubled for each further retry; positive; never null
 * @param workersPerFunction how many events of one function run at once; at least 1
 */
public record AsyncInvokeConfig(
        int maximumRetryAttempts, Duration maximumEventAge, Duration firstRetryDelay, int workersPerFunction) {

    /** Lambda's default maximum event age: 6 hours. */
    public static final Duration DEFAULT_MAXIMUM_EVENT_AGE = Duration.ofHours(6);

    /** Two retries after 200 ms and 400 ms, events kept 6 hours, two events of a function at once. */
    public static final AsyncInvokeConfig LOCAL_DEFAULT =
            new AsyncInvokeConfig(2, DEFAULT_MAXIMUM_EVENT_AGE, Duration.ofMillis(200), 2);

    /** Lambda's defaults: two retries after about 1 minute and 2 minutes, events kept 6 hours. */
    public static final AsyncInvokeConfig AWS_DEFAULT =
            new AsyncInvokeConfig(2, DEFAULT_MAXIMUM_EVENT_AGE, Duration.ofMinutes(1), 2);

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException naming the component out of range
     */
    public AsyncInvokeConfig {
        if (maximumRetryAttempts < 0 || maximumRetryAttempts > 2) {
            throw new IllegalArgumentException("maximumRetryAttempts must be 0 to 2, was " + maximumRetryAttempts);
        }
        Objects.requireNonNull(maximumEventAge, "maximumEventAge");
        Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
        if (maximumEventAge.isNegative() || maximumEventAge.isZero()) {
            throw new IllegalArgumentException("maximumEventAge must be positive, was " + maximumEventAge);
        }
        if (firstRetryDelay.isNegative() || firstRetryDelay.isZero()) {
            throw new IllegalArgumentException("firstRetryDelay must be positive, was " + firstRetryDelay);
        }
        if (workersPerFunction < 1) {
            throw new IllegalArgumentException("workersPerFunction must be at least 1, was " + workersPerFunction);
        }
    }

    /** This configuration with another number of retries (0 to 2). */
    public AsyncInvokeConfig withMaximumRetryAttempts(int value) {
        return new AsyncInvokeConfig(value, maximumEventAge, firstRetryDelay, workersPerFunction);
    }

    /** This configuration with another maximum event age. */
    public AsyncInvokeConfig withMaximumEventAge(Duration value) {
        return new AsyncInvokeConfig(maximumRetryAttempts, value, firstRetryDelay, workersPerFunction);
    }

    /** This configuration with another first retry delay. */
    public AsyncInvokeConfig withFirstRetryDelay(Duration value) {
        return new AsyncInvokeConfig(maximumRetryAttempts, maximumEventAge, value, workersPerFunction);
    }

    /** The wait before retry number {@code retry} (1-based): {@code firstRetryDelay × 2^(retry-1)}. */
    public Duration retryDelay(int retry) {
        return firstRetryDelay.multipliedBy(1L << Math.min(retry - 1, 20));
    }
}
