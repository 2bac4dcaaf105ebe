package dev.bricks.idempotency;

import dev.bricks.core.http.Problem;
import java.util.Objects;

/**
 * A duplicate that cannot be answered with a stored result. Each {@link Reason} maps to one HTTP problem type
 * ({@link #toProblem()}), which is what the HTTP helper responds with.
 */
public class IdempotencyException extends RuntimeException {

    /** Why the call was refused. */
    public enum Reason {
        /** The key was used before with another payload: 422, type {@code idempotency-key-reused}. */
        PAYLOAD_MISMATCH(422, "Unprocessable Content", "idempotency-key-reused"),
        /** The first call with this key is still running (or crashed and has not expired yet): 409. */
        IN_PROGRESS(409, "Conflict", "idempotency-in-progress"),
        /** An HTTP request without the {@code Idempotency-Key} header on a route that requires it: 400. */
        MISSING_KEY(400, "Bad Request", "idempotency-key-missing");

        private final int status;
        private final String title;
        private final String slug;

        Reason(int status, String title, String slug) {
            this.status = status;
            this.title = title;
            this.slug = slug;
        }

        /** The HTTP status of the problem. */
        public int status() {
            return status;
        }

        /** The problem type URI: {@link Problem#TYPE_BASE} + the slug. */
        public String type() {
            return Problem.TYPE_BASE + slug;
        }
    }

    private final Reason reason;
    private final String key;

    IdempotencyException(Reason reason, String key, String message) {
        super("Idempotency: " + message);
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
        return new Problem(reason.type(), reason.title, reason.status, getMessage(), null, null);
    }
}
