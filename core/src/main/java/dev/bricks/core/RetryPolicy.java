package dev.bricks.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How an operation retries: exponential backoff with jitter, bounded by a deadline. One value type for every
 * Bricks module that retries ({@code EventPublisher}, {@code DynamoTable} batches, …). Immutable and thread-safe.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder()
 *         .deadline(Duration.ofSeconds(5))        // total time budget, from the first attempt
 *         .initialBackoff(Duration.ofMillis(50))  // delay before the first retry, doubled per retry
 *         .maxBackoff(Duration.ofSeconds(1))      // cap on one delay
 *         .jitter(RetryPolicy.Jitter.FULL)
 *         .build();
 * RetryPolicy.Attempts attempts = policy.start();
 * while (!tryOnce()) {
 *     if (!attempts.pause()) {
 *         break;                                  // the deadline leaves no room for another attempt
 *     }
 * }
 * }</pre>
 *
 * @param deadline time budget for all retries, measured from {@link #start()}; zero disables retries; never null
 * @param initialBackoff delay before the first retry, doubled per retry; positive; never null
 * @param maxBackoff cap on a single delay; not below {@code initialBackoff}; never null
 * @param jitter how the delay is randomised; never null
 */
public record RetryPolicy(Duration deadline, Duration initialBackoff, Duration maxBackoff, Jitter jitter) {

    /** Default time budget for retries: 5 seconds. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(5);
    /** Default delay before the first retry: 50 milliseconds. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(50);
    /** Default cap on one delay: 1 second. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(1);
    /** Default jitter: {@link Jitter#FULL}. */
    public static final Jitter DEFAULT_JITTER = Jitter.FULL;

    private static final RetryPolicy DEFAULTS =
            new RetryPolicy(DEFAULT_DEADLINE, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_JITTER);
    private static final RetryPolicy NONE =
            new RetryPolicy(Duration.ZERO, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_JITTER);

    /** How a backoff delay is randomised, so that many clients retrying at once spread out. */
    public enum Jitter {
        /** A uniformly random delay in {@code [0, backoff]} (AWS's "full jitter"). */
        FULL,
        /** A uniformly random delay in {@code [backoff/2, backoff]} ("equal jitter"). */
        EQUAL,
        /** Exactly the backoff; for tests and single clients only. */
        NONE
    }

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException naming the component that is null, negative or inconsistent
     */
    public RetryPolicy {
        requireNonNull(deadline, "deadline");
        requireNonNull(initialBackoff, "initialBackoff");
        requireNonNull(maxBackoff, "maxBackoff");
        requireNonNull(jitter, "jitter");
        if (deadline.isNegative()) {
            throw new IllegalArgumentException("deadline must be zero or positive, was " + deadline);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("initialBackoff must be positive, was " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff (" + maxBackoff + ") must not be below initialBackoff (" + initialBackoff + ")");
        }
    }

    /** The defaults: 5 s deadline, 50 ms first backoff doubling up to 1 s, full jitter. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** A policy that never retries (a zero deadline). */
    public static RetryPolicy none() {
        return NONE;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /** A builder starting from this policy's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether this policy allows any retry at all. */
    public boolean retries() {
        return !deadline.isZero();
    }

    /**
     * The delay before retry number {@code retry}: {@code initialBackoff × 2^(retry-1)}, capped at
     * {@code maxBackoff}, then jittered with {@code random}.
     *
     * @param retry the 1-based retry number
     * @param random a value in {@code [0, 1)}; the jitter's source
     * @return the delay; never negative
     */
    public Duration delay(int retry, double random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry is 1-based, was " + retry);
        }
        long base = initialBackoff.toNanos();
        long max = maxBackoff.toNanos();
        int shift = Math.min(retry - 1, 62);
        long backoff = base > (max >> shift) ? max : Math.min(max, base << shift);
        long nanos = switch (jitter) {
            case FULL -> (long) (backoff * random);
            case EQUAL -> backoff / 2 + (long) ((backoff - backoff / 2) * random);
            case NONE -> backoff;
        };
        return Duration.ofNanos(Math.max(0, nanos));
    }

    /** Starts the clock: the returned {@link Attempts} counts retries against this policy's deadline. */
    public Attempts start() {
        return start(Ticker.SYSTEM);
    }

    /** {@link #start()} on another clock; tests use it to check the deadline arithmetic without real sleeps. */
    Attempts start(Ticker ticker) {
        return new Attempts(this, ticker, ticker.nanoTime() + deadline.toNanos());
    }

    /** The clock and sleep {@link Attempts} use: the system's, or a test's. */
    interface Ticker {
        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration delay) throws InterruptedException {
                Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
            }
        };

        long nanoTime();

        void sleep(Duration delay) throws InterruptedException;
    }

    private static void requireNonNull(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    /** The retries of one operation under a policy. Not thread-safe: one operation, one {@code Attempts}. */
    public static final class Attempts {
        private final RetryPolicy policy;
        private final Ticker ticker;
        private final long deadlineNanos;
        private int retries;

        private Attempts(RetryPolicy policy, Ticker ticker, long deadlineNanos) {
            this.policy = policy;
            this.ticker = ticker;
            this.deadlineNanos = deadlineNanos;
        }

        /**
         * Sleeps before the next retry.
         *
         * @return false, without sleeping, when the delay would end past the deadline or the thread is
         *     interrupted (the interrupt flag is kept); true when the caller may try again
         */
        public boolean pause() {
            Duration delay =
                    policy.delay(retries + 1, ThreadLocalRandom.current().nextDouble());
            if (ticker.nanoTime() + delay.toNanos() >= deadlineNanos) {
                return false;
            }
            try {
                ticker.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            retries++;
            return true;
        }

        /** How many retries {@link #pause()} allowed so far. */
        public int retries() {
            return retries;
        }

        /** Time left before the deadline; zero when it has passed. */
        public Duration remaining() {
            return Duration.ofNanos(Math.max(0, deadlineNanos - ticker.nanoTime()));
        }
    }

    /** Builds a {@link RetryPolicy}; each setter names one option. */
    public static final class Builder {
        private Duration deadline;
        private Duration initialBackoff;
        private Duration maxBackoff;
        private Jitter jitter;

        private Builder(RetryPolicy from) {
            this.deadline = from.deadline;
            this.initialBackoff = from.initialBackoff;
            this.maxBackoff = from.maxBackoff;
            this.jitter = from.jitter;
        }

        /** Time budget for all retries; zero disables retries. */
        public Builder deadline(Duration value) {
            this.deadline = Objects.requireNonNull(value, "deadline");
            return this;
        }

        /** Delay before the first retry, doubled per retry; positive. */
        public Builder initialBackoff(Duration value) {
            this.initialBackoff = Objects.requireNonNull(value, "initialBackoff");
            return this;
        }

        /** Cap on one delay; not below {@code initialBackoff}. */
        public Builder maxBackoff(Duration value) {
            this.maxBackoff = Objects.requireNonNull(value, "maxBackoff");
            return this;
        }

        /** How delays are randomised. */
        public Builder jitter(Jitter value) {
            this.jitter = Objects.requireNonNull(value, "jitter");
            return this;
        }

        /**
         * The policy.
         *
         * @throws IllegalArgumentException when a value is out of range or {@code maxBackoff < initialBackoff}
         */
        public RetryPolicy build() {
            return new RetryPolicy(deadline, initialBackoff, maxBackoff, jitter);
        }
    }
}
