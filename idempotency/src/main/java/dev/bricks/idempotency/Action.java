package dev.bricks.idempotency;

/**
 * The work made idempotent: returns a result (stored as JSON) or throws.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface Action<T> {

    /** Runs the work. */
    T run() throws Exception;
}
