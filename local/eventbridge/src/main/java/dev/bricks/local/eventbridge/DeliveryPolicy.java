package dev.bricks.local.eventbridge;

import java.time.Duration;
import java.util.Objects;

/**
 * How the bus retries a failing target, in the shape of EventBridge's target retry policy: exponential
 * backoff with jitter between attempts, at most {@code maxAttempts} attempts and no attempt after
 * {@code maxEventAge} from the first one; then the event goes to the dead-letter list.
 *
 * @param maxAttempts    attempts in total, first one included (AWS: 1 + {@code MaximumRetryAttempts}), 1–186
 * @param maxEventAge    no retry starts later than this after the event arrived (AWS:
 *                       {@code MaximumEventAgeInSeconds}), positive
 * @param initialBackoff delay before the first retry, doubled for each further one; positive
 * @param maxBackoff     cap on the delay between attempts; not below {@code initialBackoff}
 */
public record DeliveryPolicy(int maxAttempts, Duration maxEventAge, Duration initialBackoff, Duration maxBackoff) {

    /** Short local default: 3 attempts, 10 s maximum age, 20 ms first backoff, 500 ms cap. */
    public static final DeliveryPolicy LOCAL_DEFAULT =
            new DeliveryPolicy(3, Duration.ofSeconds(10), Duration.ofMillis(20), Duration.ofMillis(500));

    /** AWS' default for a rule target: 185 retries (186 attempts) within 24 hours. */
    public static final DeliveryPolicy AWS_DEFAULT =
            new DeliveryPolicy(186, Duration.ofHours(24), Duration.ofSeconds(1), Duration.ofMinutes(5));

    public DeliveryPolicy {
        Objects.requireNonNull(maxEventAge, "maxEventAge");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1 || maxAttempts > 186) {
            throw new IllegalArgumentException("maxAttempts must be 1–186, was " + maxAttempts);
        }
        if (maxEventAge.isNegative() || maxEventAge.isZero()) {
            throw new IllegalArgumentException("maxEventAge must be positive, was " + maxEventAge);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("initialBackoff must be positive, was " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff must not be below initialBackoff (" + initialBackoff + "), was " + maxBackoff);
        }
    }

    /** This policy with another attempt count (validated as in the constructor). */
    public DeliveryPolicy withMaxAttempts(int attempts) {
        return new DeliveryPolicy(attempts, maxEventAge, initialBackoff, maxBackoff);
    }

    /** This policy with another maximum event age (validated as in the constructor). */
    public DeliveryPolicy withMaxEventAge(Duration age) {
        return new DeliveryPolicy(maxAttempts, age, initialBackoff, maxBackoff);
    }

    /** The delay before attempt {@code nextAttempt} (2 = first retry): exponential, capped, 50–100 % jitter. */
    long backoffMillis(int nextAttempt, double jitter) {
        long base = initialBackoff.toMillis();
        int shift = Math.min(nextAttempt - 2, 30);
        long exp = base << shift;
        long capped = exp <= 0 ? maxBackoff.toMillis() : Math.min(exp, maxBackoff.toMillis());
        return Math.max(1, (long) (capped * (0.5 + 0.5 * jitter)));
    }
}
