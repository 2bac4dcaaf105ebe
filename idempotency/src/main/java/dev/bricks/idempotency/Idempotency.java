package dev.bricks.idempotency;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.HandlerFailedException;
import dev.bricks.core.dynamodb.StreamRecord;
import dev.bricks.core.eventbridge.EventBridgeEvent;
import dev.bricks.core.json.Json;
import dev.bricks.core.sqs.SqsMessage;
import dev.bricks.dynamo.DynamoTable;
import dev.bricks.dynamo.TableDefinition;
import dev.bricks.dynamo.TransactionBuilder;
import dev.bricks.dynamo.TransactionCancelledException;
import dev.bricks.idempotency.RecordStore.Existing;
import dev.bricks.idempotency.RecordStore.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Runs work once per key, however often it is delivered: the first call claims the key with an IN_PROGRESS record
 * on the app's single table, runs, and stores its result (COMPLETED); a duplicate gets the stored result without
 * running. Records live under their own key prefix ({@code PK = IDEMPOTENCY#<namespace>#<key>},
 * {@code SK = IDEMPOTENCY}) with a TTL.
 *
 * <pre>{@code
 * static final Idempotency IDEMPOTENCY = Idempotency.builder(dynamoDbClient, TABLE_DEFINITION)
 *     .namespace("updateInventory").build();
 * ...
 * Reservation r = IDEMPOTENCY.once(context, orderId, order, Reservation.class, () -> inventory.reserve(order));
 * }</pre>
 *
 * <p>Cost: a first execution makes two DynamoDB calls (a conditional PutItem, then an UpdateItem with the result);
 * a duplicate makes one (the same conditional PutItem, which fails and returns the stored record); a failure adds a
 * DeleteItem. No reads before writes, no scans.
 *
 * <p>Semantics: a failure (the action throws) deletes the IN_PROGRESS record, so a retry runs again; a crash leaves it
 * until the invocation's deadline (the Lambda {@link Context}'s remaining time, else
 * {@link Builder#inProgressTimeout(Duration)}), after which a retry runs again. A concurrent duplicate while the first
 * runs gets {@link IdempotencyException.Reason#IN_PROGRESS}; the same key with another payload gets
 * {@link IdempotencyException.Reason#PAYLOAD_MISMATCH}. Effects inside the action that are not transactional with
 * the record can therefore happen twice after a crash: see {@link #atMostOnce} and {@link #atLeastOnce}.
 *
 * <p>Immutable and thread-safe; create one per function at init.
 */
public final class Idempotency {

    /** Default lifetime of a record (the window in which duplicates are recognised): 1 hour. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofHours(1);
    /** Default in-progress deadline when no Lambda context is given: 15 minutes, Lambda's longest invocation. */
    public static final Duration DEFAULT_IN_PROGRESS_TIMEOUT = Duration.ofMinutes(15);
    /**
     * How many actions {@link #onceInTransaction} adds to the action's transaction: {@value} (the record's
     * completion), so the action may add at most {@code TransactionBuilder.MAX_ACTIONS - TRANSACTION_ACTIONS} = 99.
     */
    public static final int TRANSACTION_ACTIONS = 1;

    private final RecordStore store;
    private final DynamoTable table;
    private final String namespace;
    private final Duration expiry;
    private final Duration inProgressTimeout;
    private final Clock clock;

    private Idempotency(Builder b, String ttlAttribute) {
        this.store = new RecordStore(b.client, b.table, ttlAttribute);
        this.table = b.dynamoTable;
        this.namespace = b.namespace;
        this.expiry = b.expiry;
        this.inProgressTimeout = b.inProgressTimeout;
        this.clock = b.clock;
    }

    /**
     * A builder for records on {@code table} through {@code client}.
     *
     * @param client the app's DynamoDB client; never null
     * @param table  the app's single table: its key and TTL attribute names; never null
     */
    public static Builder builder(DynamoDbClient client, TableDefinition table) {
        return new Builder(client, table, null);
    }

    /**
     * A builder for records on {@code table}, which also allows {@link #onceInTransaction}.
     *
     * @param client the client {@code table} was built with; never null
     * @param table  the app's single table; never null
     */
    public static Builder builder(DynamoDbClient client, DynamoTable table) {
        return new Builder(client, Objects.requireNonNull(table, "table").definition(), table);
    }

    /** {@link #once(Context, String, Object, Class, Action)} with the in-progress deadline of the builder. */
    public <T> T once(String key, Object payload, Class<T> resultType, Action<T> action) {
        return execute(null, key, payload, resultType, action).value();
    }

    /**
     * Runs {@code action} unless a call with {@code key} already completed, in which case its stored result is
     * returned.
     *
     * @param context    the Lambda context: the in-progress record expires with the invocation; may be null
     * @param key        the idempotency key (an event id, an order id); never blank
     * @param payload    what the key stands for, hashed (SHA-256 of its JSON, or of its bytes for a {@code byte[]});
     *                   may be null
     * @param resultType the result's type, to read a stored result back (core's JSON); {@code Void.class} for none
     * @param action     the work
     * @return the action's result, or the stored one
     * @throws IdempotencyException on a payload mismatch or a concurrent duplicate
     * @throws HandlerFailedException wrapping a checked exception of the action (runtime ones pass as they are)
     */
    public <T> T once(Context context, String key, Object payload, Class<T> resultType, Action<T> action) {
        return execute(context, key, payload, resultType, action).value();
    }

    /**
     * Exactly once for DynamoDB writes: runs {@code action} with a new transaction on the table, adds to it the
     * completion of this key's record (COMPLETED with the action's result, conditioned on the record still being
     * this attempt's claim; {@value #TRANSACTION_ACTIONS} action) and executes it. The writes and the record commit
     * together, so a crash after the commit leaves a COMPLETED record and a retry gets this result replayed instead
     * of writing twice. The action must not execute the transaction itself.
     *
     * <pre>{@code
     * Placed placed = IDEMPOTENCY.onceInTransaction(context, key, order, Placed.class, tx -> {
     *     tx.create(order).update(counter);
     *     return new Placed(order.orderId());
     * });
     * }</pre>
     *
     * Cost: the claim (a conditional PutItem) and one TransactWriteItems; a failure adds a DeleteItem.
     *
     * @param context    the Lambda context: the claim expires with the invocation; may be null
     * @param key        the idempotency key; never blank
     * @param payload    what the key stands for, hashed as for {@link #once}; may be null
     * @param resultType the result's type, to read a stored result back
     * @param action     adds its writes to the transaction (at most 99 actions) and returns the result
     * @return the action's result once its transaction committed, or the stored one
     * @throws IdempotencyException on a payload mismatch, a concurrent duplicate, or
     *     {@link IdempotencyException.Reason#CLAIM_LOST} when this attempt outlived its in-progress deadline and a
     *     later one took the key over (nothing of this attempt was written)
     * @throws TransactionCancelledException unchanged when the action's own conditions cancelled the transaction;
     *     the record is released, so the key can be retried
     * @throws IllegalStateException when this was not built with {@link #builder(DynamoDbClient, DynamoTable)}
     */
    public <T> T onceInTransaction(
            Context context, String key, Object payload, Class<T> resultType, TransactionalAction<T> action) {
        return executeInTransaction(context, key, payload, resultType, action).value();
    }

    /**
     * At least once, for effects that are not transactional (sending a mail): marks the key IN_PROGRESS before and
     * COMPLETED after, exactly like {@link #once}. If the function crashes after the effect but before the mark,
     * the retry performs it again: duplicates are possible, losses are not.
     *
     * @return true when the effect ran, false when a completed call was found
     */
    public boolean atLeastOnce(Context context, String key, Object payload, Effect effect) {
        Objects.requireNonNull(effect, "effect");
        return !execute(context, key, payload, Void.class, () -> {
                    effect.run();
                    return null;
                })
                .replayed();
    }

    /**
     * At most once, for effects where a duplicate is worse than a loss: marks the key COMPLETED before the effect
     * (one conditional PutItem), then performs it. If the effect fails or the function crashes, it is not retried
     * for this key: losses are possible, duplicates are not. The exception of a failed effect is thrown.
     *
     * @return true when the effect ran, false when the key was already marked
     * @throws IdempotencyException when the key was marked with another payload
     */
    public boolean atMostOnce(String key, Object payload, Effect effect) {
        Objects.requireNonNull(effect, "effect");
        String recordKey = recordKey(key);
        String hash = hash(payload);
        long now = clock.millis();
        Optional<Existing> existing = store.claim(recordKey, Status.COMPLETED, hash, "null", expiresAt(now), now, now);
        if (existing.isPresent()) {
            requireSamePayload(key, hash, existing.get());
            return false;
        }
        try {
            effect.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new HandlerFailedException(e);
        }
        return true;
    }

    /**
     * An EventBridge delivery at least once per key, e.g. {@code event -> event.id()} (EventBridge's id: the same
     * event delivered again) or a business key such as {@code event -> event.detail().orderId()}. The payload hashed
     * is the detail.
     *
     * @return true when the effect ran, false for a duplicate of a completed delivery
     * @throws IdempotencyException while a duplicate is in progress (EventBridge retries the invocation)
     */
    public <T> boolean event(
            EventBridgeEvent<T> event,
            Context context,
            Function<? super EventBridgeEvent<T>, String> key,
            Effect effect) {
        return atLeastOnce(context, key.apply(event), event.detail(), effect);
    }

    /**
     * A DynamoDB stream record at least once per key (call it from {@code handleRecord}); the payload hashed is the
     * record's keys and new image. A duplicate in progress throws, so the record is reported as a batch item
     * failure and redelivered.
     *
     * @return true when the effect ran, false for a duplicate of a completed record
     */
    public boolean streamRecord(
            StreamRecord record, Context context, Function<? super StreamRecord, String> key, Effect effect) {
        return atLeastOnce(context, key.apply(record), List.of(record.keys(), record.newImage()), effect);
    }

    /**
     * An SQS message at least once per key, e.g. {@code SqsMessage::messageId} or a business key from the body (call
     * it from {@code handleMessage}); the payload hashed is the body. A duplicate in progress throws, so the message
     * is reported as a batch item failure and redelivered.
     *
     * @return true when the effect ran, false for a duplicate of a completed message
     */
    public boolean sqsMessage(
            SqsMessage message, Context context, Function<? super SqsMessage, String> key, Effect effect) {
        return atLeastOnce(context, key.apply(message), message.body(), effect);
    }

    /** A result and whether it was replayed from a record. */
    record Outcome<T>(T value, boolean replayed) {}

    /** The key claimed by this attempt: its record key and in-progress deadline (which identifies the attempt). */
    private record Claim(String recordKey, long until) {}

    <T> Outcome<T> execute(Context context, String key, Object payload, Class<T> resultType, Action<T> action) {
        Objects.requireNonNull(action, "action");
        return claimAndRun(context, key, payload, resultType, claim -> {
            T result = releasingOnFailure(claim, action);
            // false: the attempt outlived its in-progress deadline and a later one owns the record now
            store.complete(claim.recordKey(), claim.until(), Json.writeString(result), expiresAt(clock.millis()));
            return result;
        });
    }

    <T> Outcome<T> executeInTransaction(
            Context context, String key, Object payload, Class<T> resultType, TransactionalAction<T> action) {
        Objects.requireNonNull(action, "action");
        if (table == null) {
            throw new IllegalStateException("onceInTransaction needs the table: build this Idempotency with "
                    + "Idempotency.builder(DynamoDbClient, DynamoTable)");
        }
        return claimAndRun(context, key, payload, resultType, claim -> {
            TransactionBuilder transaction = table.transact();
            T result = releasingOnFailure(claim, () -> action.run(transaction));
            String json = Json.writeString(result);
            try {
                store.completeIn(transaction, claim.recordKey(), claim.until(), json, expiresAt(clock.millis()));
            } catch (IllegalStateException e) { // the action executed (or dry-ran) the transaction itself
                store.complete(claim.recordKey(), claim.until(), json, expiresAt(clock.millis()));
                throw new IllegalStateException(
                        "the action of onceInTransaction executed its transaction itself; return instead and "
                                + "let Idempotency add the record's completion and execute it",
                        e);
            }
            try {
                transaction.execute();
            } catch (TransactionCancelledException e) {
                if (claimLost(e)) {
                    throw new IdempotencyException(
                            IdempotencyException.Reason.CLAIM_LOST,
                            key,
                            "the claim on key '" + key + "' passed its in-progress deadline and was taken over by a"
                                    + " later attempt; this attempt's transaction was cancelled",
                            e);
                }
                store.release(claim.recordKey(), claim.until());
                throw e;
            } catch (RuntimeException | Error e) {
                store.release(claim.recordKey(), claim.until()); // a no-op if the transaction did commit
                throw e;
            }
            return result;
        });
    }

    /** Runs {@code work}; if it fails, releases the claim so a retry runs again, and rethrows. */
    private <T> T releasingOnFailure(Claim claim, Action<T> work) throws Exception {
        try {
            return work.run();
        } catch (Exception | Error e) {
            store.release(claim.recordKey(), claim.until());
            throw e;
        }
    }

    /** True when the record's completion failed its condition: the record is no longer this attempt's claim. */
    private static boolean claimLost(TransactionCancelledException e) {
        List<TransactionCancelledException.Cancellation> outcomes = e.cancellations();
        TransactionCancelledException.Cancellation ours = outcomes.get(outcomes.size() - 1);
        return ours.entityType().equals(RecordStore.TRANSACTION_LABEL)
                && ours.code() == TransactionCancelledException.Code.CONDITIONAL_CHECK_FAILED;
    }

    /** The work of an attempt that holds the claim; releases the claim itself on failure. */
    @FunctionalInterface
    private interface ClaimedWork<T> {
        T run(Claim claim) throws Exception;
    }

    private <T> Outcome<T> claimAndRun(
            Context context, String key, Object payload, Class<T> resultType, ClaimedWork<T> work) {
        Objects.requireNonNull(resultType, "resultType");
        String recordKey = recordKey(key);
        String hash = hash(payload);
        long now = clock.millis();
        long deadline = now
                + (context != null ? Math.max(0, context.getRemainingTimeInMillis()) : inProgressTimeout.toMillis());
        Optional<Existing> existing =
                store.claim(recordKey, Status.IN_PROGRESS, hash, null, expiresAt(now), deadline, now);
        if (existing.isPresent()) {
            Existing record = existing.get();
            requireSamePayload(key, hash, record);
            if (record.status() == Status.IN_PROGRESS) {
                throw new IdempotencyException(
                        IdempotencyException.Reason.IN_PROGRESS,
                        key,
                        "a call with key '" + key + "' is in progress; retry after it completes");
            }
            String json = record.resultJson();
            return new Outcome<>(json == null || json.equals("null") ? null : Json.read(json, resultType), true);
        }
        try {
            return new Outcome<>(work.run(new Claim(recordKey, deadline)), false);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new HandlerFailedException(e);
        }
    }

    private static void requireSamePayload(String key, String hash, Existing record) {
        if (!record.payloadHash().equals(hash)) {
            throw new IdempotencyException(
                    IdempotencyException.Reason.PAYLOAD_MISMATCH,
                    key,
                    "key '" + key + "' was used before with another payload");
        }
    }

    private String recordKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(
                    "idempotency key must be non-blank, was " + (key == null ? "null" : "'" + key + "'"));
        }
        return namespace.isEmpty() ? key : namespace + "#" + key;
    }

    private long expiresAt(long nowMillis) {
        return (nowMillis + expiry.toMillis()) / 1000;
    }

    static String hash(Object payload) {
        byte[] bytes = payload instanceof byte[] b
                ? b
                : payload instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : Json.write(payload);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Options of an {@link Idempotency}; not thread-safe. */
    public static final class Builder {
        private final DynamoDbClient client;
        private final TableDefinition table;
        private final DynamoTable dynamoTable;
        private String ttlAttribute;
        private String namespace = "";
        private Duration expiry = DEFAULT_EXPIRY;
        private Duration inProgressTimeout = DEFAULT_IN_PROGRESS_TIMEOUT;
        private Clock clock = Clock.systemUTC();

        private Builder(DynamoDbClient client, TableDefinition table, DynamoTable dynamoTable) {
            this.client = Objects.requireNonNull(client, "client");
            this.table = Objects.requireNonNull(table, "table");
            this.dynamoTable = dynamoTable;
        }

        /** Prefix of every key, so functions sharing the table keep separate records; default none. */
        public Builder namespace(String value) {
            if (value == null || value.isBlank() || value.contains("#")) {
                throw new IllegalArgumentException("namespace must be non-blank without '#', was " + value);
            }
            this.namespace = value;
            return this;
        }

        /** The TTL attribute; default the table definition's. */
        public Builder ttlAttribute(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("ttlAttribute must be non-blank, was " + value);
            }
            this.ttlAttribute = value;
            return this;
        }

        /** How long a record recognises duplicates; default {@link Idempotency#DEFAULT_EXPIRY}; positive. */
        public Builder expiry(Duration value) {
            this.expiry = positive(value, "expiry");
            return this;
        }

        /**
         * The in-progress deadline when no Lambda context is given; default
         * {@link Idempotency#DEFAULT_IN_PROGRESS_TIMEOUT}; positive.
         */
        public Builder inProgressTimeout(Duration value) {
            this.inProgressTimeout = positive(value, "inProgressTimeout");
            return this;
        }

        /** The clock of expiries; default the UTC system clock. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }

        /**
         * Builds it.
         *
         * @throws IllegalStateException when no TTL attribute is known (records must expire)
         */
        public Idempotency build() {
            String ttl = ttlAttribute != null ? ttlAttribute : table.ttlAttribute();
            if (ttl == null) {
                throw new IllegalStateException("table " + table.name() + " has no TTL attribute: declare one "
                        + "(TableDefinition.builder(…).ttlAttribute(\"ttl\")) or give Idempotency.builder(…)"
                        + ".ttlAttribute(…)");
            }
            return new Idempotency(this, ttl);
        }
    }
}
