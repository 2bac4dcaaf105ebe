package dev.bricks.idempotency;

import dev.bricks.dynamo.TransactionBuilder;

/**
 * Work made idempotent together with its DynamoDB writes: adds them to the given transaction (which it must not
 * execute) and returns the result to store, or throws. See {@link Idempotency#onceInTransaction}.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface TransactionalAction<T> {

    /**
     * Adds the work's writes to {@code transaction} and returns its result.
     *
     * @param transaction a new transaction on the app's table; never null
     */
    T run(TransactionBuilder transaction) throws Exception;
}
