package dev.bricks.local.dynamodb;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code ClientRequestToken}s of TransactWriteItems, kept for ten minutes as DynamoDB keeps them. A token is
 * checked and claimed in one step under this object's lock, before the transaction runs, so two concurrent requests
 * with one token can never both apply: the second sees the first in progress. Thread-safe.
 */
final class IdempotencyTokens {
    static final Duration LIFETIME = Duration.ofMinutes(10);

    /** What a request carrying a token should do. */
    enum Claim {
        /** The token is new (or its earlier request failed): run the transaction, then call {@link #finish}. */
        RUN,
        /** A request with this token and the same parameters succeeded: answer success without applying again. */
        ALREADY_APPLIED
    }

    private enum State {
        IN_PROGRESS,
        APPLIED
    }

    /** A claimed token: a digest of its request (the SDK sends a fresh token per call, retries reuse it). */
    private record Entry(String requestDigest, State state, long atMillis) {}

    private final Map<String, Entry> tokens = new LinkedHashMap<>();

    /**
     * Checks a token and, when it is free, claims it for a request in progress.
     *
     * @throws DynamoException IdempotentParameterMismatchException when the token was used with other parameters,
     *     TransactionInProgressException when a request with this token is still running
     */
    synchronized Claim claim(String token, String requestDigest) {
        long now = System.currentTimeMillis();
        expire(now);
        Entry existing = tokens.get(token);
        if (existing != null) {
            if (!existing.requestDigest().equals(requestDigest)) {
                throw new DynamoException(
                        "IdempotentParameterMismatchException",
                        "Request parameters do not match the original request made with the same ClientRequestToken",
                        400,
                        null);
            }
            if (existing.state() == State.IN_PROGRESS) {
                throw new DynamoException(
                        "TransactionInProgressException",
                        "The transaction with the given request token is already in progress.",
                        400,
                        null);
            }
            return Claim.ALREADY_APPLIED;
        }
        tokens.put(token, new Entry(requestDigest, State.IN_PROGRESS, now));
        return Claim.RUN;
    }

    /** Ends a claimed request: remembers the token when the transaction applied, frees it when it failed. */
    synchronized void finish(String token, boolean applied) {
        Entry e = tokens.remove(token);
        if (applied && e != null) {
            tokens.put(token, new Entry(e.requestDigest(), State.APPLIED, System.currentTimeMillis()));
        }
    }

    /** Drops applied tokens older than the lifetime (entries are in insertion order, so the oldest come first). */
    private void expire(long now) {
        Iterator<Entry> it = tokens.values().iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            if (now - e.atMillis() <= LIFETIME.toMillis()) {
                return;
            }
            if (e.state() == State.APPLIED) {
                it.remove();
            }
        }
    }
}
