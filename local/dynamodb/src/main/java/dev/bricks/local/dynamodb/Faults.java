package dev.bricks.local.dynamodb;

import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fault injection for tests: make the next N calls of an operation, or a fraction of its calls, fail with
 * throttling or an internal error, or (BatchGetItem / BatchWriteItem) come back entirely unprocessed.
 * Thread-safe; rules apply until used up or {@link #clear()}.
 *
 * <pre>{@code
 * db.faults().failNext("PutItem", 2, Faults.Kind.THROTTLING);
 * db.faults().failFraction("Query", 0.5, Faults.Kind.INTERNAL_ERROR);
 * db.faults().failNext("BatchWriteItem", 1, Faults.Kind.UNPROCESSED);
 * db.faults().failNext("TransactWriteItems", 1, Faults.Kind.TRANSACTION_CONFLICT);
 * }</pre>
 */
public final class Faults {

    /** What an injected fault does. */
    public enum Kind {
        /** HTTP 400 ProvisionedThroughputExceededException (the SDK retries it as throttling). */
        THROTTLING,
        /** HTTP 500 InternalServerError (the SDK retries it). */
        INTERNAL_ERROR,
        /** Batch operations only: every request item comes back in UnprocessedKeys / UnprocessedItems. */
        UNPROCESSED,
        /**
         * TransactWriteItems only: the transaction is cancelled (nothing applied) with a
         * {@code TransactionConflict} reason for its first action and {@code None} for the rest.
         */
        TRANSACTION_CONFLICT
    }

    private static final class Rule {
        final Kind kind;
        int remaining;
        final double fraction;

        Rule(Kind kind, int remaining, double fraction) {
            this.kind = kind;
            this.remaining = remaining;
            this.fraction = fraction;
        }
    }

    private final Map<String, Rule> rules = new ConcurrentHashMap<>();
    private final Random random;

    Faults(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Makes the next {@code times} calls of {@code operation} (e.g. {@code "PutItem"}) fail with {@code kind}.
     *
     * @throws IllegalArgumentException when times is not positive or UNPROCESSED is asked of a non-batch operation
     */
    public Faults failNext(String operation, int times, Kind kind) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be positive: " + times);
        }
        rules.put(check(operation, kind), new Rule(kind, times, 0));
        return this;
    }

    /**
     * Makes each call of {@code operation} fail with {@code kind} with probability {@code fraction} (seeded, so
     * runs repeat).
     */
    public Faults failFraction(String operation, double fraction, Kind kind) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1]: " + fraction);
        }
        rules.put(check(operation, kind), new Rule(kind, -1, fraction));
        return this;
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    private static String check(String operation, Kind kind) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.UNPROCESSED && !operation.equals("BatchGetItem") && !operation.equals("BatchWriteItem")) {
            throw new IllegalArgumentException(
                    "UNPROCESSED applies to BatchGetItem and BatchWriteItem only, not " + operation);
        }
        if (kind == Kind.TRANSACTION_CONFLICT && !operation.equals("TransactWriteItems")) {
            throw new IllegalArgumentException(
                    "TRANSACTION_CONFLICT applies to TransactWriteItems only, not " + operation);
        }
        return operation;
    }

    private boolean fire(String op, boolean special) {
        Rule r = rules.get(op);
        if (r == null || isSpecial(r.kind) != special) {
            return false;
        }
        synchronized (r) {
            if (r.remaining > 0) {
                if (--r.remaining == 0) {
                    rules.remove(op, r);
                }
                return true;
            }
            if (r.remaining < 0) {
                synchronized (random) {
                    return random.nextDouble() < r.fraction;
                }
            }
            return false;
        }
    }

    void beforeCall(String op) {
        if (rules.isEmpty()) {
            return;
        }
        Rule r = rules.get(op);
        if (r == null || isSpecial(r.kind)) {
            return;
        }
        if (fire(op, false)) {
            if (r.kind == Kind.THROTTLING) {
                throw new DynamoException(
                        "ProvisionedThroughputExceededException",
                        "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.",
                        400,
                        null);
            }
            throw new DynamoException("InternalServerError", "Internal server error", 500, null);
        }
    }

    /** Kinds that the operation itself acts on (instead of failing before it runs). */
    private static boolean isSpecial(Kind k) {
        return k == Kind.UNPROCESSED || k == Kind.TRANSACTION_CONFLICT;
    }

    boolean takeUnprocessed(String op) {
        return !rules.isEmpty() && fire(op, true);
    }

    boolean takeConflict() {
        return !rules.isEmpty() && fire("TransactWriteItems", true);
    }
}
