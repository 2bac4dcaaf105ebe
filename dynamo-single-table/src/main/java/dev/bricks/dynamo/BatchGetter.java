package dev.bricks.dynamo;

import dev.bricks.core.RetryPolicy;
import dev.bricks.dynamo.schema.EntitySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** BatchGetItem in chunks of 100 keys, retrying unprocessed keys with backoff until the deadline. */
final class BatchGetter {
    static final int CHUNK = 100;
    private final DynamoTable table;

    BatchGetter(DynamoTable table) {
        this.table = table;
    }

    /** The keys by their rendering, each once (DynamoDB refuses duplicate keys in one request); registers their schemas. */
    private Map<String, EntityKey<?>> distinct(List<EntityKey<?>> keys) {
        Map<String, EntityKey<?>> byKey = new LinkedHashMap<>();
        for (EntityKey<?> k : keys) {
            table.repository(k.schema());
            byKey.putIfAbsent(k.describe(), k);
        }
        return byKey;
    }

    private BatchGetItemRequest request(List<EntityKey<?>> chunk) {
        List<Map<String, AttributeValue>> ks = new ArrayList<>(chunk.size());
        chunk.forEach(k -> ks.add(k.key()));
        return BatchGetItemRequest.builder()
                .requestItems(Map.of(
                        table.name(), KeysAndAttributes.builder().keys(ks).build()))
                .build();
    }

    List<BatchGetItemRequest> render(List<EntityKey<?>> keys) {
        List<EntityKey<?>> all = new ArrayList<>(distinct(keys).values());
        List<BatchGetItemRequest> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(request(all.subList(i, Math.min(all.size(), i + CHUNK))));
        }
        return out;
    }

    BatchGetResult get(List<EntityKey<?>> keys) {
        Map<String, EntityKey<?>> byKey = distinct(keys);
        Map<String, EntitySchema<?>> schemaByType = new LinkedHashMap<>();
        byKey.values().forEach(k -> schemaByType.put(k.schema().type(), k.schema()));
        List<Object> items = new ArrayList<>();
        List<EntityKey<?>> failed = new ArrayList<>();
        List<EntityKey<?>> all = new ArrayList<>(byKey.values());
        RetryPolicy.Attempts attempts = table.retryPolicy().start();
        List<EntityKey<?>> pending = all;
        while (!pending.isEmpty()) {
            List<EntityKey<?>> next = new ArrayList<>();
            for (int i = 0; i < pending.size(); i += CHUNK) {
                List<EntityKey<?>> chunk = pending.subList(i, Math.min(pending.size(), i + CHUNK));
                BatchGetItemResponse r;
                try {
                    r = table.client().batchGetItem(request(chunk));
                } catch (SdkException e) {
                    List<EntityKey<?>> notRead = new ArrayList<>(next);
                    notRead.addAll(pending.subList(i, pending.size()));
                    throw new BatchGetException(new BatchGetResult(items, notRead), e);
                }
                for (Map<String, AttributeValue> item : r.responses().getOrDefault(table.name(), List.of())) {
                    items.add(EntityTypes.decode(item, chunk.get(0).schema().typeAttribute(), schemaByType));
                }
                KeysAndAttributes un =
                        r.hasUnprocessedKeys() ? r.unprocessedKeys().get(table.name()) : null;
                if (un != null) {
                    for (Map<String, AttributeValue> k : un.keys()) {
                        next.add(byKey.get(EntityKey.describe(ordered(k, chunk.get(0)))));
                    }
                }
            }
            if (next.isEmpty()) {
                break;
            }
            if (!attempts.pause()) {
                failed.addAll(next);
                break;
            }
            pending = next;
        }
        return new BatchGetResult(items, failed);
    }

    static Map<String, AttributeValue> ordered(Map<String, AttributeValue> key, EntityKey<?> like) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        like.key().keySet().forEach(a -> m.put(a, key.get(a)));
        return m;
    }
}
