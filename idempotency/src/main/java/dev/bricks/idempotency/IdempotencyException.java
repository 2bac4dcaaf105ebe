package dev.bricks.idempotency;

import dev.bricks.core.http.Problem;
import dev.bricks.core.http.ProblemType;
import java.util.Objects;

/**
 * A duplicate that cannot be answered with a stored result. Each {@link Reason} maps to one HTTP problem type
 * ({@link #toProblem()}), which is what the HTTP helper responds with.
 */
public class IdempotencyException extends RuntimeException {

    /** Why the call was refused, and the problem type an HTTP route answers with. */
    public enum Reason {
        /** The key was used before with another payload: 422 {@link ProblemType#IDEMPOTENCY_KEY_REUSED}. */
        PAYLOAD_MISMATCH(ProblemType.IDEMPOTENCY_KEY_REUSED),
        /** The first call with this key is still running (or crashed, until its deadline): 409. */
        IN_PROGRESS(ProblemType.IDEMPOTENCY_IN_PROGRESS),
        /**
         * An attempt outlived its in-progress deadline and a later attempt took the key over, so this attempt's
         * transaction was cancelled instead of writing a duplicate: 409, as the later attempt holds the key.
         */
        CLAIM_LOST(ProblemType.IDEMPOTENCY_IN_PROGRESS),
        /** An HTTP request without the {@code Idempotency-Key} header on a route that requires it: 400. */
        MISSING_KEY(ProblemType.IDEMPOTENCY_KEY_MISSING);

        private final ProblemType problemType;

        Reason(ProblemType problemType) {
            this.problemType = problemType;
        }

        /** The problem type of this reason. */
        public ProblemType problemType() {
            return problemType;
        }
    }

    private final Reason reason;
    private final String key;

    IdempotencyException(Reason reason, String key, String message) {
        this(reason, key, message, null);
    }

    IdempotencyException(Reason reason, String key, String message, Throwable cause) {
        super("Idempotency: " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.key = key;
    }

    /** Why; never null. */
    public Reason reason() {
        return reason;
    }

    /** The idempotency key concerned, or null when there was none. */
    public String key() {
        return key;
    }

    /** The problem an HTTP route answers with (the detail names the reason, never the stored payload). */
    public Problem toProblem() {
        return reason.problemType.problem(getMessage());
    }
}
