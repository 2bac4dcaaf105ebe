package dev.bricks.idempotency;

import dev.bricks.dynamo.Condition;
import dev.bricks.dynamo.TableDefinition;
import dev.bricks.dynamo.TransactionBuilder;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The idempotency records on the app's table, one DynamoDB call per method: {@code PK = IDEMPOTENCY#<key>},
 * {@code SK = IDEMPOTENCY}. Thread-safe (the SDK client is).
 */
final class RecordStore {

    static final String KEY_PREFIX = "IDEMPOTENCY#";
    static final String SORT_KEY = "IDEMPOTENCY";
    static final String STATUS = "_idempotency_status";
    static final String PAYLOAD_HASH = "_idempotency_payload_hash";
    static final String RESULT = "_idempotency_result";
    static final String IN_PROGRESS_UNTIL = "_idempotency_in_progress_until";
    /** The label of the completion action in a caller's transaction (and of its cancellation). */
    static final String TRANSACTION_LABEL = "IDEMPOTENCY";

    /** Marks a record completed with its result and new expiry. */
    private static final String COMPLETE = "SET #status = :completed, #result = :result, #ttl = :ttl";
    /** True while the record is the IN_PROGRESS claim of the attempt with deadline :claimedUntil. */
    private static final String CLAIMED_BY = "#status = :inProgress AND #until = :claimedUntil";

    /** A record's status. */
    enum Status {
        IN_PROGRESS,
        COMPLETED
    }

    /** A record read back: its status, payload hash and stored result JSON (null while in progress). */
    record Existing(Status status, String payloadHash, String resultJson) {}

    private final DynamoDbClient client;
    private final String tableName;
    private final String pk;
    private final String sk;
    private final String ttl;

    RecordStore(DynamoDbClient client, TableDefinition table, String ttlAttribute) {
        this.client = client;
        this.tableName = table.name();
        this.pk = table.pkAttribute();
        this.sk = table.skAttribute();
        this.ttl = ttlAttribute;
    }

    /**
     * Claims the key: a conditional PutItem that succeeds when there is no live record (none, expired, or an
     * in-progress one whose invocation's deadline passed). Otherwise DynamoDB returns the record that is there
     * (ReturnValuesOnConditionCheckFailure=ALL_OLD), so a duplicate costs this one call.
     *
     * @return empty when claimed, else the live record
     */
    Optional<Existing> claim(
            String key,
            Status status,
            String payloadHash,
            String resultJson,
            long expiresAtSeconds,
            long inProgressUntilMillis,
            long nowMillis) {
        Map<String, AttributeValue> item = key(key);
        item.put(STATUS, s(status.name()));
        item.put(PAYLOAD_HASH, s(payloadHash));
        if (resultJson != null) {
            item.put(RESULT, s(resultJson));
        }
        item.put(IN_PROGRESS_UNTIL, n(inProgressUntilMillis));
        item.put(ttl, n(expiresAtSeconds));
        try {
            client.putItem(b -> b.tableName(tableName)
                    .item(item)
                    .conditionExpression("attribute_not_exists(#pk) OR #ttl < :nowSeconds"
                            + " OR (#status = :inProgress AND #until < :nowMillis)")
                    .expressionAttributeNames(
                            Map.of("#pk", pk, "#ttl", ttl, "#status", STATUS, "#until", IN_PROGRESS_UNTIL))
                    .expressionAttributeValues(Map.of(
                            ":nowSeconds",
                            n(nowMillis / 1000),
                            ":inProgress",
                            s(Status.IN_PROGRESS.name()),
                            ":nowMillis",
                            n(nowMillis)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> old = e.hasItem() ? e.item() : Map.of();
            AttributeValue result = old.get(RESULT);
            AttributeValue hash = old.get(PAYLOAD_HASH);
            AttributeValue oldStatus = old.get(STATUS);
            if (hash == null || oldStatus == null) {
                throw new IllegalStateException(
                        "item " + KEY_PREFIX + key + " of table " + tableName + " is not an idempotency record (no "
                                + STATUS + " / " + PAYLOAD_HASH + ")",
                        e);
            }
            return Optional.of(
                    new Existing(Status.valueOf(oldStatus.s()), hash.s(), result == null ? null : result.s()));
        }
    }

    /**
     * Marks the record claimed with deadline {@code claimedUntil} COMPLETED with its result: one conditional
     * UpdateItem. A record a later attempt took over after that deadline is left to its new owner.
     *
     * @return false when the record was no longer this claim's
     */
    boolean complete(String key, long claimedUntil, String resultJson, long expiresAtSeconds) {
        Map<String, AttributeValue> values = new HashMap<>(completeValues(resultJson, expiresAtSeconds));
        values.put(":inProgress", s(Status.IN_PROGRESS.name()));
        values.put(":claimedUntil", n(claimedUntil));
        Map<String, String> names = new HashMap<>(completeNames());
        names.put("#until", IN_PROGRESS_UNTIL);
        try {
            client.updateItem(b -> b.tableName(tableName)
                    .key(key(key))
                    .updateExpression(COMPLETE)
                    .conditionExpression(CLAIMED_BY)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Adds to {@code transaction} the completion of the record claimed with deadline {@code claimedUntil}: an
     * UpdateItem to COMPLETED with the result, conditioned on the record still being that claim. The deadline
     * identifies the attempt: a takeover happens only after it, with a later one.
     */
    void completeIn(
            TransactionBuilder transaction, String key, long claimedUntil, String resultJson, long expiresAtSeconds) {
        transaction.updateItem(
                TRANSACTION_LABEL,
                key(key),
                COMPLETE,
                completeNames(),
                completeValues(resultJson, expiresAtSeconds),
                Condition.raw(
                        CLAIMED_BY,
                        Map.of("#status", STATUS, "#until", IN_PROGRESS_UNTIL),
                        Map.of(":inProgress", s(Status.IN_PROGRESS.name()), ":claimedUntil", n(claimedUntil))));
    }

    private Map<String, String> completeNames() {
        return Map.of("#status", STATUS, "#result", RESULT, "#ttl", ttl);
    }

    private static Map<String, AttributeValue> completeValues(String resultJson, long expiresAtSeconds) {
        return Map.of(":completed", s(Status.COMPLETED.name()), ":result", s(resultJson), ":ttl", n(expiresAtSeconds));
    }

    /**
     * Deletes the IN_PROGRESS record claimed with deadline {@code claimedUntil} after a failure, so a retry runs
     * again: one conditional DeleteItem. A record taken over by a later attempt, or completed, is left alone.
     */
    void release(String key, long claimedUntil) {
        try {
            client.deleteItem(b -> b.tableName(tableName)
                    .key(key(key))
                    .conditionExpression(CLAIMED_BY)
                    .expressionAttributeNames(Map.of("#status", STATUS, "#until", IN_PROGRESS_UNTIL))
                    .expressionAttributeValues(
                            Map.of(":inProgress", s(Status.IN_PROGRESS.name()), ":claimedUntil", n(claimedUntil))));
        } catch (ConditionalCheckFailedException e) {
            // already gone, or completed / taken over by a later attempt: nothing of ours to release
        }
    }

    private Map<String, AttributeValue> key(String key) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(pk, s(KEY_PREFIX + key));
        if (sk != null) {
            item.put(sk, s(SORT_KEY));
        }
        return item;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
