package dev.bricks.dynamo;

import dev.bricks.dynamo.WritePlanner.PutMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A TransactWriteItems over several entities: all actions succeed or none. {@code @Version} is checked and
 * incremented and {@code @Unique} constraint items are added exactly as for single writes.
 *
 * <pre>{@code
 * table.transact()
 *     .create(order)
 *     .update(users.update(UserSchema.key(userId)).add(UserSchema.ORDER_COUNT, 1).set(UserSchema.LAST_ORDER_DATE, now))
 *     .execute();
 * }</pre>
 *
 * A cancellation raises {@link TransactionCancelledException} naming, per action, the reason and entity.
 * Actions cannot be added after the first dry run or execute. Not thread-safe.
 */
public final class TransactionBuilder {
    /** DynamoDB's limit of actions per transaction. */
    public static final int MAX_ACTIONS = 100;

    private final DynamoTable table;
    private final List<WriteAction> actions = new ArrayList<>();
    private String token;
    private TransactWriteItemsRequest rendered;

    TransactionBuilder(DynamoTable table) {
        this.table = table;
    }

    private void open() {
        if (rendered != null) {
            throw new IllegalStateException(
                    "Transaction already rendered (dryRun) or executed; start a new one with table.transact()");
        }
    }

    /** Puts a new entity (fails if it exists). */
    public <T> TransactionBuilder create(T entity) {
        return add(table.repositoryOf(entity)
                .planner
                .put(entity, PutMode.CREATE, null, VersionCheck.ENFORCE)
                .actions());
    }

    /** Puts an entity (replace; version-checked with {@code @Version}). */
    public <T> TransactionBuilder put(T entity) {
        return put(entity, null, VersionCheck.ENFORCE);
    }

    /** Puts an entity with an extra condition (may be null) and an explicit {@code @Version} choice. */
    public <T> TransactionBuilder put(T entity, Condition condition, VersionCheck versionCheck) {
        return add(table.repositoryOf(entity)
                .planner
                .put(entity, PutMode.REPLACE, condition, versionCheck)
                .actions());
    }

    /** Adds an update built with {@link EntityRepository#update} or {@link EntityRepository#patch}. */
    public TransactionBuilder update(UpdateBuilder<?> update) {
        return add(update.toActions());
    }

    /** Deletes an entity if present, checking its {@code @Version}; releases its {@code @Unique} values. */
    public <T> TransactionBuilder delete(T entity) {
        return add(table.repositoryOf(entity).planner.deleteEntity(entity, false, null, VersionCheck.ENFORCE));
    }

    /**
     * Deletes an item by key if present. A {@code @Version}ed entity needs {@link VersionCheck#SKIP} (the key
     * carries no version; delete the entity instead to check it).
     */
    public <T> TransactionBuilder delete(EntityKey<T> key, VersionCheck versionCheck) {
        return add(table.repository(key.schema())
                .planner
                .deleteByKey(key, false, null, versionCheck)
                .actions());
    }

    /** Deletes an entity that must exist, checking its {@code @Version}. */
    public <T> TransactionBuilder remove(T entity) {
        return add(table.repositoryOf(entity).planner.deleteEntity(entity, true, null, VersionCheck.ENFORCE));
    }

    /** Deletes an item that must exist, by key; same version rule as {@link #delete(EntityKey, VersionCheck)}. */
    public <T> TransactionBuilder remove(EntityKey<T> key, VersionCheck versionCheck) {
        return add(table.repository(key.schema())
                .planner
                .deleteByKey(key, true, null, versionCheck)
                .actions());
    }

    /** Requires a condition on an item without writing it. */
    public <T> TransactionBuilder conditionCheck(EntityKey<T> key, Condition condition) {
        return add(List.of(table.repository(key.schema()).planner.conditionCheck(key, condition)));
    }

    /**
     * Extension point: puts an item that is not an entity (an outbox event, an audit record) in the same
     * transaction, so it commits or fails with the entity writes. The item must hold the table's key attributes;
     * no managed attribute is added.
     *
     * @param label what the item is, for error messages and {@link TransactionCancelledException.Cancellation#entityType()}
     *     (e.g. {@code "OUTBOX"}); never blank
     * @param item the whole item; never null
     * @param condition an extra condition, or null
     */
    public TransactionBuilder putItem(String label, Map<String, AttributeValue> item, Condition condition) {
        return add(List.of(WriteAction.put(
                table.name(),
                requireLabel(label),
                keyOf(label, item),
                Map.copyOf(item),
                condition,
                WriteAction.Hint.of(WriteAction.Expect.ANY))));
    }

    /**
     * Extension point: an UpdateItem of an item that is not an entity, in the same transaction, e.g.
     * {@code updateItem("OUTBOX_COUNTER", key, "ADD #n :one", Map.of("#n", "count"), Map.of(":one", one), null)}.
     * Placeholders must not use the generated forms {@code #aN} / {@code :vN}.
     *
     * @param label what the item is, for error messages; never blank
     * @param key the item's key attributes; never null
     * @param updateExpression DynamoDB update expression; never blank
     * @param names its name placeholders; never null (may be empty)
     * @param values its value placeholders; never null (may be empty)
     * @param condition an extra condition, or null
     */
    public TransactionBuilder updateItem(
            String label,
            Map<String, AttributeValue> key,
            String updateExpression,
            Map<String, String> names,
            Map<String, AttributeValue> values,
            Condition condition) {
        if (updateExpression == null || updateExpression.isBlank()) {
            throw new IllegalArgumentException("Update expression of " + label + " is blank");
        }
        ExpressionContext ctx = new ExpressionContext();
        ctx.addRaw(names, values);
        String c = condition == null ? null : condition.render(ctx);
        return add(List.of(WriteAction.update(
                table.name(),
                requireLabel(label),
                keyOf(label, key),
                updateExpression,
                c,
                ctx,
                WriteAction.Hint.of(WriteAction.Expect.ANY))));
    }

    private static String requireLabel(String label) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("Item label is blank");
        }
        return label;
    }

    private Map<String, AttributeValue> keyOf(String label, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String a : table.definition().keyAttributes()) {
            AttributeValue v = item.get(a);
            if (v == null) {
                throw new IllegalArgumentException(label + " item has no key attribute '" + a + "'");
            }
            key.put(a, v);
        }
        return key;
    }

    private TransactionBuilder add(List<WriteAction> planned) {
        open();
        actions.addAll(planned);
        return this;
    }

    /**
     * Idempotency token (ClientRequestToken): a retry with the same token within 10 minutes is not applied
     * twice. Retry by calling {@link #execute()} again on this builder, which resends the identical request; a
     * rebuilt transaction carries new timestamps, and DynamoDB rejects it with
     * {@code IdempotentParameterMismatchException}.
     */
    public TransactionBuilder idempotencyToken(String token) {
        if (token == null || token.isEmpty() || token.length() > 36) {
            throw new IllegalArgumentException("Idempotency token must be 1..36 characters, got " + token);
        }
        this.token = token;
        return this;
    }

    /**
     * The request {@link #execute()} sends (dry run). Rendered once: later calls (and retries of
     * {@link #execute()}) reuse the identical request, timestamps included.
     */
    public TransactWriteItemsRequest dryRun() {
        if (rendered == null) {
            validate();
            rendered = Executor.transaction(actions, token);
        }
        return rendered;
    }

    /**
     * Sends the transaction.
     *
     * @throws TransactionCancelledException naming each action's reason and entity
     * @throws InvalidRequestException if there are no or more than 100 actions, or two on the same item
     */
    public void execute() {
        TransactWriteItemsRequest r = dryRun();
        try {
            table.client().transactWriteItems(r);
        } catch (TransactionCanceledException e) {
            throw TransactionCancelledException.of(actions, e);
        }
    }

    private void validate() {
        if (actions.isEmpty()) {
            throw new InvalidRequestException("Transaction has no actions");
        }
        if (actions.size() > MAX_ACTIONS) {
            throw new InvalidRequestException("Transaction has " + actions.size() + " actions; DynamoDB allows at most "
                    + MAX_ACTIONS + " (unique constraint items count too)");
        }
        Set<String> keys = new HashSet<>();
        for (WriteAction a : actions) {
            if (!keys.add(a.describeKey())) {
                throw new InvalidRequestException("Transaction has two actions on " + a.entityType() + " "
                        + a.describeKey() + "; DynamoDB allows one action per item");
            }
        }
    }
}
