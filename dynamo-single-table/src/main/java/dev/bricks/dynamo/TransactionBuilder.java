package dev.bricks.dynamo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * Actions cannot be added after the first render/execute. Not thread-safe.
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
      throw new IllegalStateException("Transaction already rendered or executed; start a new one with table.transact()");
    }
  }

  /** Puts a new entity (fails if it exists). */
  public <T> TransactionBuilder create(T entity) {
    open();
    actions.addAll(table.repositoryOf(entity).planPut(entity, true, null).actions());
    return this;
  }

  /** Puts an entity (replace; version-checked with {@code @Version}). */
  public <T> TransactionBuilder put(T entity) {
    return put(entity, null);
  }

  /** Puts an entity with an extra condition. */
  public <T> TransactionBuilder put(T entity, Condition condition) {
    open();
    actions.addAll(table.repositoryOf(entity).planPut(entity, false, condition).actions());
    return this;
  }

  /** Adds an update built with {@link EntityRepository#update} or {@link EntityRepository#patch}. */
  public TransactionBuilder update(UpdateBuilder<?> update) {
    open();
    actions.addAll(update.toActions());
    return this;
  }

  /** Deletes an item if present. */
  public <T> TransactionBuilder delete(EntityKey<T> key) {
    open();
    actions.addAll(table.repositoryOf(key.schema()).planDelete(key, false, null, null).actions());
    return this;
  }

  /** Deletes an item that must exist. */
  public <T> TransactionBuilder remove(EntityKey<T> key) {
    open();
    actions.addAll(table.repositoryOf(key.schema()).planDelete(key, true, null, null).actions());
    return this;
  }

  /** Requires a condition on an item without writing it. */
  public <T> TransactionBuilder conditionCheck(EntityKey<T> key, Condition condition) {
    open();
    actions.add(table.repositoryOf(key.schema()).conditionCheck(key, condition));
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
  public TransactWriteItemsRequest render() {
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
   * @throws ValidationException if there are no or more than 100 actions, or two on the same item
   */
  public void execute() {
    TransactWriteItemsRequest r = render();
    try {
      table.client().transactWriteItems(r);
    } catch (TransactionCanceledException e) {
      throw TransactionCancelledException.of(actions, e);
    }
  }

  private void validate() {
    if (actions.isEmpty()) {
      throw new ValidationException("Transaction has no actions");
    }
    if (actions.size() > MAX_ACTIONS) {
      throw new ValidationException("Transaction has " + actions.size() + " actions; DynamoDB allows at most "
          + MAX_ACTIONS + " (unique constraint items count too)");
    }
    Set<String> keys = new HashSet<>();
    for (WriteAction a : actions) {
      if (!keys.add(a.describeKey())) {
        throw new ValidationException("Transaction has two actions on " + a.schema().type() + " " + a.describeKey()
            + "; DynamoDB allows one action per item");
      }
    }
  }
}
