package dev.bricks.dynamo;

import dev.bricks.core.RetryPolicy;
import dev.bricks.dynamo.schema.EntitySchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Batch puts and deletes of any size: chunked into BatchWriteItem requests of 25, unprocessed items retried
 * with exponential backoff and full jitter until the table's batch deadline; what still fails is returned in
 * {@link BatchWriteResult#unprocessed()}. BatchWriteItem has no conditions, so entities with {@code @Version}
 * or {@code @Unique} are refused (use {@link DynamoTable#transact()}). Not thread-safe; use once.
 */
public final class BatchWriteBuilder {
  static final int CHUNK = 25;
  private final DynamoTable table;
  private final List<WriteRequest> requests = new ArrayList<>();
  private final List<Object> sources = new ArrayList<>();
  private final Set<String> keys = new HashSet<>();

  BatchWriteBuilder(DynamoTable table) {
    this.table = table;
  }

  /** Adds a put of an entity (unconditional replace). */
  public <T> BatchWriteBuilder put(T entity) {
    EntityRepository<T> repo = table.repositoryOf(entity);
    refuseConditional(repo.schema);
    WritePlanner.Plan<T> plan = repo.planner.put(entity, WritePlanner.PutMode.REPLACE, null, VersionCheck.SKIP);
    WriteAction a = plan.actions().get(0);
    add(a.key(), WriteRequest.builder().putRequest(PutRequest.builder().item(a.item()).build()).build(), plan.result());
    return this;
  }

  /** Adds a delete. */
  public <T> BatchWriteBuilder delete(EntityKey<T> key) {
    refuseConditional(table.repository(key.schema()).schema);
    add(key.key(), WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key.key()).build()).build(), key);
    return this;
  }

  private void refuseConditional(EntitySchema<?> s) {
    if (s.versionAttribute() != null || !s.uniqueComponents().isEmpty()) {
      throw new IllegalArgumentException("Entity " + s.type() + " has @Version or @Unique, which BatchWriteItem "
          + "cannot check; use transact() or single writes");
    }
  }

  private void add(Map<String, AttributeValue> key, WriteRequest w, Object source) {
    if (!keys.add(EntityKey.describe(key))) {
      throw new InvalidRequestException("Batch writes " + EntityKey.describe(key) + " twice; DynamoDB refuses that");
    }
    requests.add(w);
    sources.add(source);
  }

  /** The BatchWriteItem requests {@link #execute()} would send first (dry run), 25 writes each. */
  public List<BatchWriteItemRequest> dryRun() {
    List<BatchWriteItemRequest> out = new ArrayList<>();
    for (int i = 0; i < requests.size(); i += CHUNK) {
      out.add(BatchWriteItemRequest.builder()
          .requestItems(Map.of(table.name(), requests.subList(i, Math.min(requests.size(), i + CHUNK)))).build());
    }
    return out;
  }

  /**
   * Sends every write, retrying unprocessed ones under the table's retry policy.
   *
   * @throws BatchWriteException when DynamoDB fails a request; it carries what was written and what was not
   */
  public BatchWriteResult execute() {
    Map<WriteRequest, Object> sourceOf = new LinkedHashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      sourceOf.put(requests.get(i), sources.get(i));
    }
    RetryPolicy.Attempts attempts = table.retryPolicy().start();
    List<WriteRequest> pending = requests;
    int written = 0;
    while (!pending.isEmpty()) {
      List<WriteRequest> next = new ArrayList<>();
      for (int i = 0; i < pending.size(); i += CHUNK) {
        List<WriteRequest> chunk = pending.subList(i, Math.min(pending.size(), i + CHUNK));
        BatchWriteItemResponse r;
        try {
          r = table.client().batchWriteItem(BatchWriteItemRequest.builder()
              .requestItems(Map.of(table.name(), chunk)).build());
        } catch (SdkException e) {
          List<WriteRequest> notConfirmed = new ArrayList<>(next);
          notConfirmed.addAll(pending.subList(i, pending.size()));
          throw new BatchWriteException(new BatchWriteResult(written, sourcesOf(notConfirmed, sourceOf),
              attempts.retries()), e);
        }
        List<WriteRequest> un = r.hasUnprocessedItems() ? r.unprocessedItems().getOrDefault(table.name(), List.of())
            : List.of();
        written += chunk.size() - un.size();
        next.addAll(un);
      }
      if (next.isEmpty() || !attempts.pause()) {
        return new BatchWriteResult(written, sourcesOf(next, sourceOf), attempts.retries());
      }
      pending = next;
    }
    return new BatchWriteResult(written, List.of(), attempts.retries());
  }

  private static List<Object> sourcesOf(List<WriteRequest> writes, Map<WriteRequest, Object> sourceOf) {
    List<Object> out = new ArrayList<>(writes.size());
    for (WriteRequest w : writes) {
      out.add(sourceOf.getOrDefault(w, w));
    }
    return out;
  }
}
