package dev.bricks.dynamo;

import dev.bricks.dynamo.schema.EntitySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Plans the writes of one entity type: the item with its managed attributes, the condition with its
 * {@code @Version} step, and the {@code @Unique} constraint items that move with it. Shared by single writes,
 * transactions and batches, so every path writes the same item. Thread-safe (stateless besides its schema).
 */
final class WritePlanner<T> {
    /** Whether a put must create the item or may replace it. */
    enum PutMode {
        CREATE,
        REPLACE
    }

    /** The actions of one logical write and the entity as it will be stored. */
    record Plan<T>(List<WriteAction> actions, T result) {}

    private record VersionStep(Condition condition, boolean checked, Long expected) {}

    /** The condition that the stored {@code @Unique} values are still the ones read, and the constraint item moves. */
    record UniqueStep(Condition guard, List<WriteAction> constraints) {}

    private final DynamoTable table;
    private final EntitySchema<T> schema;

    WritePlanner(DynamoTable table, EntitySchema<T> schema) {
        this.table = table;
        this.schema = schema;
    }

    Plan<T> put(T entity, PutMode mode, Condition extra, VersionCheck versionCheck) {
        Objects.requireNonNull(entity, "entity");
        boolean create = mode == PutMode.CREATE;
        Map<String, AttributeValue> item = itemOf(entity);
        Map<String, AttributeValue> key = keyFromItem(item);
        VersionStep version = versionStep(item, create, versionCheck);
        Condition condition = and(and(create ? absent() : null, version.condition()), extra);
        ItemSize.validate(schema.type(), key, item);
        boolean managed = schema.versionAttribute() != null
                || schema.createdAtAttribute() != null
                || schema.updatedAtAttribute() != null;
        T result = managed ? schema.codec().fromItem(item) : entity;
        WriteAction.Expect expect = create ? WriteAction.Expect.ABSENT : WriteAction.Expect.ANY;
        WriteAction.Hint hint = version.checked()
                ? WriteAction.Hint.versioned(expect, schema.versionAttribute(), version.expected())
                : WriteAction.Hint.of(expect);
        if (schema.uniqueComponents().isEmpty()) {
            return new Plan<>(
                    List.of(WriteAction.put(table.name(), schema.type(), key, item, condition, hint)), result);
        }
        Map<String, AttributeValue> old = create ? null : currentItem(key);
        UniqueStep unique = uniqueStep(schema.uniqueComponents(), old, item, key);
        if (!create) {
            condition = and(condition, unique.guard());
        }
        List<WriteAction> actions = new ArrayList<>();
        actions.add(WriteAction.put(table.name(), schema.type(), key, item, condition, hint));
        actions.addAll(unique.constraints());
        return new Plan<>(actions, result);
    }

    /** The item of an entity with its managed timestamps, recomputed index keys and correlation id. */
    private Map<String, AttributeValue> itemOf(T entity) {
        Map<String, AttributeValue> item = schema.codec().toItem(entity);
        boolean stamped = false;
        if (schema.createdAtAttribute() != null || schema.updatedAtAttribute() != null) {
            AttributeValue now = AttributeValue.fromS(table.clock().instant().toString());
            if (schema.createdAtAttribute() != null && !item.containsKey(schema.createdAtAttribute())) {
                item.put(schema.createdAtAttribute(), now);
                stamped = true;
            }
            if (schema.updatedAtAttribute() != null) {
                item.put(schema.updatedAtAttribute(), now);
                stamped = true;
            }
        }
        if (stamped && schema.timestampsFeedKeys()) {
            // managed timestamps feed key templates: render every virtual key attribute again from the stamped entity
            item = schema.codec().toItem(schema.codec().fromItem(item));
        }
        Map<String, AttributeValue> stored = item;
        table.correlation().ifPresent(c -> stored.put(c.getKey(), AttributeValue.fromS(c.getValue())));
        return stored;
    }

    private VersionStep versionStep(Map<String, AttributeValue> item, boolean create, VersionCheck check) {
        String va = schema.versionAttribute();
        if (va == null) {
            return new VersionStep(null, false, null);
        }
        Long current = Values.asLong(item.get(va));
        Long expected = create || current == null || current == 0 ? null : current;
        item.put(va, AttributeValue.fromN(Long.toString(expected == null ? 1 : expected + 1)));
        if (create || check == VersionCheck.SKIP) {
            return new VersionStep(null, false, expected);
        }
        return new VersionStep(expected == null ? absent() : versionIs(expected), true, expected);
    }

    /**
     * A delete by key. Entities with {@code @Version} need {@link VersionCheck#SKIP} here (the key carries no
     * version); entities with {@code @Unique} read the current item (GetItem) to release its constraint items.
     */
    /** The actions of a delete by key, and the item read to plan them (null when nothing was read or it is absent). */
    record Deletion(List<WriteAction> actions, Map<String, AttributeValue> old) {}

    Deletion deleteByKey(EntityKey<T> key, boolean mustExist, Condition extra, VersionCheck check) {
        if (schema.versionAttribute() != null && check != VersionCheck.SKIP) {
            throw new InvalidRequestException(
                    "Delete of " + schema.type() + " " + key.describe() + " by key cannot check "
                            + "its @Version: delete the entity (delete(entity)) or opt out with VersionCheck.SKIP");
        }
        Map<String, AttributeValue> old = schema.uniqueComponents().isEmpty() ? null : currentItem(key.key());
        return new Deletion(delete(key.key(), mustExist, extra, null, old), old);
    }

    /**
     * A delete of an entity as the caller holds it: its {@code @Version} is checked unless skipped, and its
     * {@code @Unique} values (guarded to be the stored ones) name the constraint items to release, without a read.
     */
    List<WriteAction> deleteEntity(T entity, boolean mustExist, Condition extra, VersionCheck check) {
        Map<String, AttributeValue> item =
                schema.uniqueComponents().isEmpty() ? null : schema.codec().toItem(entity);
        Long version = check == VersionCheck.SKIP ? null : versionOf(entity);
        return delete(schema.keyOf(entity).key(), mustExist, extra, version, item);
    }

    private List<WriteAction> delete(
            Map<String, AttributeValue> key,
            boolean mustExist,
            Condition extra,
            Long expectedVersion,
            Map<String, AttributeValue> uniqueValues) {
        Condition condition = and(
                and(mustExist ? present() : null, expectedVersion == null ? null : versionIs(expectedVersion)), extra);
        List<WriteAction> constraints = new ArrayList<>();
        if (uniqueValues != null) {
            for (String comp : schema.uniqueComponents()) {
                String attr = schema.attributeName(comp);
                AttributeValue before = uniqueValues.get(attr);
                condition = and(condition, holds(attr, before));
                if (before != null) {
                    constraints.add(deleteConstraint(comp, before));
                }
            }
        }
        WriteAction.Expect expect = mustExist ? WriteAction.Expect.PRESENT : WriteAction.Expect.ANY;
        List<WriteAction> actions = new ArrayList<>();
        actions.add(WriteAction.delete(
                table.name(),
                schema.type(),
                key,
                condition,
                expectedVersion == null
                        ? WriteAction.Hint.of(expect)
                        : WriteAction.Hint.versioned(expect, schema.versionAttribute(), expectedVersion)));
        actions.addAll(constraints);
        return actions;
    }

    WriteAction conditionCheck(EntityKey<T> key, Condition condition) {
        return WriteAction.check(
                table.name(), schema.type(), key.key(), Objects.requireNonNull(condition, "condition"));
    }

    /**
     * The guard and constraint-item moves for {@code components} whose values go from {@code old} (the stored
     * item, null when absent) to {@code after}.
     */
    UniqueStep uniqueStep(
            List<String> components,
            Map<String, AttributeValue> old,
            Map<String, AttributeValue> after,
            Map<String, AttributeValue> ownerKey) {
        Condition guard = old == null ? absent() : null;
        List<WriteAction> constraints = new ArrayList<>();
        for (String comp : components) {
            String attr = schema.attributeName(comp);
            AttributeValue now = after.get(attr);
            AttributeValue before = old == null ? null : old.get(attr);
            if (old != null) {
                guard = and(guard, holds(attr, before));
            }
            if (Objects.equals(now, before)
                    || now != null && before != null && constraintKey(comp, now).equals(constraintKey(comp, before))) {
                continue;
            }
            if (before != null) {
                constraints.add(deleteConstraint(comp, before));
            }
            if (now != null) {
                constraints.add(putConstraint(comp, now, ownerKey));
            }
        }
        return new UniqueStep(guard, constraints);
    }

    Long versionOf(T entity) {
        if (schema.versionAttribute() == null) {
            return null;
        }
        Object v = schema.componentValue(entity, schema.componentOfAttribute(schema.versionAttribute()));
        return v == null ? 0L : ((Number) v).longValue();
    }

    Map<String, AttributeValue> currentItem(Map<String, AttributeValue> key) {
        GetItemResponse r = table.client()
                .getItem(GetItemRequest.builder()
                        .tableName(table.name())
                        .key(key)
                        .consistentRead(true)
                        .build());
        return r.hasItem() && !r.item().isEmpty() ? r.item() : null;
    }

    private Map<String, AttributeValue> constraintKey(String component, AttributeValue value) {
        String raw = value.s() != null ? value.s() : value.n() != null ? value.n() : String.valueOf(value);
        String attribute = schema.attributeName(component);
        String v = table.uniqueValueNormalizer().normalize(schema.type(), attribute, raw);
        if (v == null || v.isEmpty()) {
            throw new IllegalStateException("The unique value normalizer turned " + schema.type() + " " + attribute
                    + " '" + raw + "' into an empty value");
        }
        String id = "UNIQUE#" + schema.type() + "#" + attribute + "#" + v;
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(schema.primaryKey().pkAttribute(), AttributeValue.fromS(id));
        if (schema.primaryKey().skAttribute() != null) {
            key.put(schema.primaryKey().skAttribute(), AttributeValue.fromS(id));
        }
        return key;
    }

    private WriteAction putConstraint(String component, AttributeValue value, Map<String, AttributeValue> owner) {
        Map<String, AttributeValue> key = constraintKey(component, value);
        Map<String, AttributeValue> item = new LinkedHashMap<>(key);
        item.put(schema.typeAttribute(), AttributeValue.fromS("UNIQUE"));
        item.put("Owner", AttributeValue.fromS(EntityKey.describe(owner)));
        return WriteAction.put(
                table.name(),
                schema.type(),
                key,
                item,
                absent(),
                WriteAction.Hint.unique(component, value.s() != null ? value.s() : value.n()));
    }

    private WriteAction deleteConstraint(String component, AttributeValue value) {
        return WriteAction.delete(
                table.name(),
                schema.type(),
                constraintKey(component, value),
                null,
                WriteAction.Hint.of(WriteAction.Expect.ANY));
    }

    Map<String, AttributeValue> keyFromItem(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(schema.primaryKey().pkAttribute(), item.get(schema.primaryKey().pkAttribute()));
        if (schema.primaryKey().skAttribute() != null) {
            key.put(
                    schema.primaryKey().skAttribute(),
                    item.get(schema.primaryKey().skAttribute()));
        }
        return key;
    }

    private Condition absent() {
        return Condition.notExists(schema.primaryKey().pkAttribute());
    }

    private Condition present() {
        return Condition.exists(schema.primaryKey().pkAttribute());
    }

    /** The stored {@code @Version} equals {@code version}; zero means "never written" (no version attribute). */
    Condition versionIs(long version) {
        String va = schema.versionAttribute();
        if (version == 0) {
            return Condition.notExists(va);
        }
        AttributeValue v = AttributeValue.fromN(Long.toString(version));
        return ctx -> ctx.name(va) + " = " + ctx.value(v);
    }

    /** The attribute holds {@code value}, or is absent when {@code value} is null. */
    static Condition holds(String attribute, AttributeValue value) {
        return value == null ? Condition.notExists(attribute) : ctx -> ctx.name(attribute) + " = " + ctx.value(value);
    }

    static Condition and(Condition a, Condition b) {
        return a == null ? b : b == null ? a : a.and(b);
    }
}
