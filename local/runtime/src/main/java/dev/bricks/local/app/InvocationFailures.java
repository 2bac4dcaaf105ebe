package dev.bricks.local.app;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which invocations of one function fail on purpose (see {@link LocalAppOptions.Builder#failInvocations}): a
 * seeded random fraction, or those whose event matches a predicate, or both (either makes it fail). A failed
 * invocation is reported as Lambda reports a function error ({@code X-Amz-Function-Error: Unhandled}, error type
 * {@value #ERROR_TYPE}), so each trigger reacts as on AWS: the API gateway answers 500 (HTTP API) or 502 (REST API), asynchronous invocations
 * (EventBridge targets, S3 notifications) are retried and then dead-lettered, a stream batch is retried (or
 * bisected).
 *
 * <pre>{@code
 * InvocationFailures.fraction(0.05);                                  // 5 %, before the handler
 * InvocationFailures.fraction(0.05).at(FailurePoint.AFTER_HANDLER);   // 5 %, after the handler's effects
 * InvocationFailures.when(event -> event.contains("\"sku\":\"B-2\""));
 * }</pre>
 *
 * @param fraction the share of invocations that fail, 0 to 1, drawn from the app's fault seed
 * @param when fails an invocation whose event (JSON) matches; never null ({@code e -> false} for none)
 * @param point where the failure happens; never null
 */
public record InvocationFailures(double fraction, Predicate<String> when, FailurePoint point) {

    /** The {@code errorType} of an injected failure. */
    public static final String ERROR_TYPE = "BricksLocal.InjectedFailure";

    /** Checks the components. */
    public InvocationFailures {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be between 0 and 1, was " + fraction);
        }
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(point, "point");
    }

    /** This share of invocations fails (seeded), before the handler. */
    public static InvocationFailures fraction(double fraction) {
        return new InvocationFailures(fraction, event -> false, FailurePoint.BEFORE_HANDLER);
    }

    /** Invocations whose event (JSON) matches fail, before the handler. */
    public static InvocationFailures when(Predicate<String> event) {
        return new InvocationFailures(0, event, FailurePoint.BEFORE_HANDLER);
    }

    /** The same failures at another point. */
    public InvocationFailures at(FailurePoint where) {
        return new InvocationFailures(fraction, when, where);
    }
}
