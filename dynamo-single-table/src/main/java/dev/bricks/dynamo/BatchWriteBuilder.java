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
 * {@link BatchWriteResult#unprocessed()}. BatchWriteItem has no conditions, so entities with {@code @Unique}
 * are refused, and so are entities with {@code @Version} unless the call opts out of the check with
 * {@link VersionCheck#SKIP} (the version is still incremented on puts): use {@link DynamoTable#transact()} or
 * single writes to keep the check. Not thread-safe; use once.
 *
 * <pre>{@code
 * table.batchWrite()
 *     .put(product)                                       // no @Version: unconditional
 *     .put(order, VersionCheck.SKIP)                      // @Version: explicit opt-out, last writer wins
 *     .delete(OrderSchema.key("u1", "o2"), VersionCheck.SKIP)
 *     .execute();
 * }</pre>
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

    /**
     * Adds a put of an entity (unconditional replace).
     *
     * @throws IllegalArgumentException for an entity with {@code @Unique}, or with {@code @Version} (use
     *     {@link #put(Object, VersionCheck)} to opt out of the check)
     */
    public <T> BatchWriteBuilder put(T entity) {
        return put(entity, VersionCheck.ENFORCE);
    }

    /**
     * Adds a put of an entity with an explicit {@code @Version} choice: {@link VersionCheck#SKIP} writes a
     * versioned entity without checking the stored version (incrementing the one it carries);
     * {@link VersionCheck#ENFORCE} refuses it, as BatchWriteItem cannot check.
     *
     * @throws IllegalArgumentException for an entity with {@code @Unique}, or with {@code @Version} and {@code ENFORCE}
     */
    public <T> BatchWriteBuilder put(T entity, VersionCheck versionCheck) {
        EntityRepository<T> repo = table.repositoryOf(entity);
        refuseConditional(repo.schema, versionCheck, "put(entity, VersionCheck.SKIP)");
        WritePlanner.Plan<T> plan = repo.planner.put(entity, WritePlanner.PutMode.REPLACE, null, VersionCheck.SKIP);
        WriteAction a = plan.actions().get(0);
        add(
                a.key(),
                WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(a.item()).build())
                        .build(),
                plan.result());
        return this;
    }

    /**
     * Adds a delete.
     *
     * @throws IllegalArgumentException for an entity with {@code @Unique}, or with {@code @Version} (use
     *     {@link #delete(EntityKey, VersionCheck)} to opt out of the check)
     */
    public <T> BatchWriteBuilder delete(EntityKey<T> key) {
        return delete(key, VersionCheck.ENFORCE);
    }

    /**
     * Adds a delete with an explicit {@code @Version} choice: {@link VersionCheck#SKIP} deletes a versioned
     * entity whatever its stored version.
     *
     * @throws IllegalArgumentException for an entity with {@code @Unique}, or with {@code @Version} and {@code ENFORCE}
     */
    public <T> BatchWriteBuilder delete(EntityKey<T> key, VersionCheck versionCheck) {
        refuseConditional(table.repository(key.schema()).schema, versionCheck, "delete(key, VersionCheck.SKIP)");
        add(
                key.key(),
                WriteRequest.builder()
                        .deleteRequest(DeleteRequest.builder().key(key.key()).build())
                        .build(),
                key);
        return this;
    }

    private static void refuseConditional(EntitySchema<?> s, VersionCheck versionCheck, String optOut) {
        if (!s.uniqueComponents().isEmpty()) {
            throw new IllegalArgumentException(
                    "Entity " + s.type() + " has @Unique values, which BatchWriteItem cannot "
                            + "keep (it writes no constraint items); use transact() or single writes");
        }
        if (s.versionAttribute() != null && versionCheck != VersionCheck.SKIP) {
            throw new IllegalArgumentException(
                    "Entity " + s.type() + " has @Version, which BatchWriteItem cannot check "
                            + "(it carries no conditions); use transact() or single writes, or opt out with " + optOut);
        }
    }

    private void add(Map<String, AttributeValue> key, WriteRequest w, Object source) {
        if (!keys.add(EntityKey.describe(key))) {
            throw new InvalidRequestException(
                    "Batch writes " + EntityKey.describe(key) + " twice; DynamoDB refuses that");
        }
        requests.add(w);
        sources.add(source);
    }

    /** The BatchWriteItem requests {@link #execute()} would send first (dry run), 25 writes each. */
    public List<BatchWriteItemRequest> dryRun() {
        List<BatchWriteItemRequest> out = new ArrayList<>();
        for (int i = 0; i < requests.size(); i += CHUNK) {
            out.add(BatchWriteItemRequest.builder()
                    .requestItems(Map.of(table.name(), requests.subList(i, Math.min(requests.size(), i + CHUNK))))
                    .build());
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
                    r = table.client()
                            .batchWriteItem(BatchWriteItemRequest.builder()
                                    .requestItems(Map.of(table.name(), chunk))
                                    .build());
                } catch (SdkException e) {
                    List<WriteRequest> notConfirmed = new ArrayList<>(next);
                    notConfirmed.addAll(pending.subList(i, pending.size()));
                    throw new BatchWriteException(
                            new BatchWriteResult(written, sourcesOf(notConfirmed, sourceOf), attempts.retries()), e);
                }
                List<WriteRequest> un = r.hasUnprocessedItems()
                        ? r.unprocessedItems().getOrDefault(table.name(), List.of())
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
