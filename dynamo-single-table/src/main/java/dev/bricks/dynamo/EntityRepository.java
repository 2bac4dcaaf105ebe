package dev.bricks.dynamo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Typed access to one entity type in a single table. Verbs say what they guarantee:
 * <ul>
 *   <li>{@link #create} — PutItem, fails with {@link ConditionalFailureException} if the item exists;</li>
 *   <li>{@link #put} / {@link #upsert} — PutItem, replaces (version-checked with {@code @Version});</li>
 *   <li>{@link #patch} — UpdateItem that fails if the item does not exist;</li>
 *   <li>{@link #update} — UpdateItem that creates the item if absent;</li>
 *   <li>{@link #delete} — DeleteItem, succeeds whether or not the item existed;</li>
 *   <li>{@link #remove} — DeleteItem that fails if the item does not exist;</li>
 *   <li>{@link #get} and {@link #query}.</li>
 * </ul>
 * Entities with {@code @Unique} components write through TransactWriteItems with their constraint items.
 * {@link #dryRun()} renders each request without sending it. Thread-safe.
 *
 * @param <T> the entity type
 */
public final class EntityRepository<T> {
  final DynamoTable table;
  final EntitySchema<T> schema;

  EntityRepository(DynamoTable table, EntitySchema<T> schema) {
    this.table = table;
    this.schema = schema;
  }

  /** The entity schema. */
  public EntitySchema<T> schema() {
    return schema;
  }

  // ---------------------------------------------------------------- writes

  /** Writes a new entity; fails with {@link ConditionalFailureException} if the item exists. Returns what was stored. */
  public T create(T entity) {
    return create(entity, null);
  }

  /** {@link #create(Object)} with an extra condition. */
  public T create(T entity, Condition condition) {
    return runPut(entity, true, condition);
  }

  /**
   * Writes an entity, replacing any item with its key. With {@code @Version} the write is checked: a zero/null
   * version means "must be new", otherwise the stored version must equal it ({@link VersionConflictException}).
   * Returns what was stored (with the incremented version and timestamps).
   */
  public T put(T entity) {
    return put(entity, null);
  }

  /** {@link #put(Object)} with an extra condition. */
  public T put(T entity, Condition condition) {
    return runPut(entity, false, condition);
  }

  /** Same as {@link #put(Object)}. */
  public T upsert(T entity) {
    return put(entity, null);
  }

  /** An update that creates the item if it does not exist (UpdateItem). */
  public UpdateBuilder<T> update(EntityKey<T> key) {
    return new UpdateBuilder<>(this, key, false);
  }

  /** An update that fails with {@link ConditionalFailureException} if the item does not exist. */
  public UpdateBuilder<T> patch(EntityKey<T> key) {
    return new UpdateBuilder<>(this, key, true);
  }

  /** Deletes the item if present; returns the deleted entity, if any. */
  public Optional<T> delete(EntityKey<T> key) {
    return delete(key, null);
  }

  /** Deletes the item if present and the condition holds. */
  public Optional<T> delete(EntityKey<T> key, Condition condition) {
    return Optional.ofNullable(runDelete(planDelete(key, false, condition, null))).map(this::decode);
  }

  /** Deletes an entity checking its {@code @Version} (when it has one); a missing item is not an error. */
  public Optional<T> delete(T entity) {
    return Optional.ofNullable(runDelete(planDelete(schema.keyOf(entity), false, null, versionOf(entity))))
        .map(this::decode);
  }

  /** Deletes an item that must exist; returns the deleted entity. */
  public T remove(EntityKey<T> key) {
    return decode(runDelete(planDelete(key, true, null, null)));
  }

  /** Deletes an entity that must exist, checking its {@code @Version}. */
  public T remove(T entity) {
    return decode(runDelete(planDelete(schema.keyOf(entity), true, null, versionOf(entity))));
  }

  private Map<String, AttributeValue> runDelete(DeletePlan plan) {
    Map<String, AttributeValue> old = Executor.run(table, plan.actions());
    return plan.actions().size() > 1 ? plan.old() : old;
  }

  // ---------------------------------------------------------------- reads

  /** Reads one entity (eventually consistent). */
  public Optional<T> get(EntityKey<T> key) {
    return get(key, false);
  }

  /**
   * Reads one entity.
   *
   * @throws EntityTypeMismatchException if the item under that key is of another entity type
   */
  public Optional<T> get(EntityKey<T> key, boolean consistentRead) {
    GetItemResponse r = table.client().getItem(getRequest(key, consistentRead));
    return r.hasItem() && !r.item().isEmpty() ? Optional.of(decode(r.item())) : Optional.empty();
  }

  GetItemRequest getRequest(EntityKey<T> key, boolean consistentRead) {
    return GetItemRequest.builder().tableName(table.name()).key(key.key()).consistentRead(consistentRead).build();
  }

  /** Starts a query on a partition of the table or of a GSI. */
  public QueryBuilder<T> query(Partition<T> partition) {
    return new QueryBuilder<>(this, partition);
  }

  /**
   * Decodes an item (from a query, stream image, ...) to this entity type.
   *
   * @throws EntityTypeMismatchException if the item's entity type is another one
   */
  public T decode(Map<String, AttributeValue> item) {
    AttributeValue type = item.get(schema.typeAttribute());
    if (type == null || !schema.type().equals(type.s())) {
      throw new EntityTypeMismatchException(schema.type(), type == null ? null : type.s(), keyOfItem(item));
    }
    return schema.tableSchema().mapToItem(item);
  }

  private String keyOfItem(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> k = new LinkedHashMap<>();
    IndexKey pk = schema.primaryKey();
    if (item.containsKey(pk.pkAttribute())) {
      k.put(pk.pkAttribute(), item.get(pk.pkAttribute()));
    }
    if (pk.skAttribute() != null && item.containsKey(pk.skAttribute())) {
      k.put(pk.skAttribute(), item.get(pk.skAttribute()));
    }
    return EntityKey.describe(k);
  }

  /** Renders requests without sending them. */
  public DryRun dryRun() {
    return new DryRun();
  }

  /**
   * Renders each operation's request exactly as it would be sent, without sending it. Entities with
   * {@code @Unique} components read the current item (GetItem) to plan constraint items; nothing is written.
   */
  public final class DryRun {
    private DryRun() {}

    /** The request {@link EntityRepository#create(Object)} would send. */
    public DynamoDbRequest create(T entity) {
      return Executor.render(table, planPut(entity, true, null).actions());
    }

    /** The request {@link EntityRepository#put(Object)} would send. */
    public DynamoDbRequest put(T entity) {
      return Executor.render(table, planPut(entity, false, null).actions());
    }

    /** The request {@link EntityRepository#delete(EntityKey)} would send. */
    public DynamoDbRequest delete(EntityKey<T> key) {
      return Executor.render(table, planDelete(key, false, null, null).actions());
    }

    /** The request {@link EntityRepository#remove(EntityKey)} would send. */
    public DynamoDbRequest remove(EntityKey<T> key) {
      return Executor.render(table, planDelete(key, true, null, null).actions());
    }

    /** The request {@link EntityRepository#get(EntityKey)} would send. */
    public GetItemRequest get(EntityKey<T> key) {
      return getRequest(key, false);
    }
  }

  // ---------------------------------------------------------------- planning

  record Plan<T>(List<WriteAction> actions, T result) {}

  private Long versionOf(T entity) {
    if (schema.versionAttribute() == null) {
      return null;
    }
    Object v = schema.componentValue(entity, schema.componentOfAttribute(schema.versionAttribute()));
    return v == null ? 0L : ((Number) v).longValue();
  }

  private T runPut(T entity, boolean create, Condition extra) {
    Plan<T> p = planPut(entity, create, extra);
    Executor.run(table, p.actions());
    return p.result();
  }

  Plan<T> planPut(T entity, boolean create, Condition extra) {
    Objects.requireNonNull(entity, "entity");
    Map<String, AttributeValue> item = new LinkedHashMap<>(schema.tableSchema().itemToMap(entity, true));
    Map<String, AttributeValue> key = keyFromItem(item);
    Instant now = table.clock().instant();
    boolean recomputeKeys = false;
    if (schema.createdAtAttribute() != null && !item.containsKey(schema.createdAtAttribute())) {
      item.put(schema.createdAtAttribute(), AttributeValue.fromS(now.toString()));
      recomputeKeys = true;
    }
    if (schema.updatedAtAttribute() != null) {
      item.put(schema.updatedAtAttribute(), AttributeValue.fromS(now.toString()));
      recomputeKeys = true;
    }
    Condition condition = create ? Condition.notExists(schema.primaryKey().pkAttribute()) : null;
    Long expected = null;
    boolean versioned = schema.versionAttribute() != null;
    if (versioned) {
      Long current = Values.asLong(item.get(schema.versionAttribute()));
      expected = create || current == null || current == 0 ? null : current;
      item.put(schema.versionAttribute(), AttributeValue.fromN(Long.toString(expected == null ? 1 : expected + 1)));
      if (expected != null) {
        AttributeValue ev = AttributeValue.fromN(Long.toString(expected));
        String va = schema.versionAttribute();
        condition = and(condition, ctx -> ctx.name(va) + " = " + ctx.value(ev));
      } else if (!create) {
        condition = Condition.notExists(schema.primaryKey().pkAttribute());
      }
    }
    condition = and(condition, extra);
    if (recomputeKeys && schema.timestampsFeedKeys()) {
      // managed attributes may feed index key templates: recompute every virtual key attribute
      item = new LinkedHashMap<>(schema.tableSchema().itemToMap(schema.tableSchema().mapToItem(item), true));
    }
    ItemSize.validate(schema.type(), key, item);
    // the stored entity differs from the given one only by managed attributes
    boolean managed = versioned || schema.createdAtAttribute() != null || schema.updatedAtAttribute() != null;
    T result = managed ? schema.tableSchema().mapToItem(item) : entity;
    WriteAction.Expect expect = create ? WriteAction.Expect.ABSENT : WriteAction.Expect.ANY;
    List<WriteAction> actions = new ArrayList<>();
    if (schema.uniqueComponents().isEmpty()) {
      actions.add(put(key, item, condition, new WriteAction.Hint(expect, versioned && !create, expected, null, null)));
      return new Plan<>(actions, result);
    }
    // unique constraints: compare with the stored values
    Map<String, AttributeValue> old = create ? null : currentItem(key);
    Condition guard = old == null ? Condition.notExists(schema.primaryKey().pkAttribute()) : null;
    List<WriteAction> constraints = new ArrayList<>();
    for (String comp : schema.uniqueComponents()) {
      String attr = schema.attributeName(comp);
      AttributeValue after = item.get(attr);
      AttributeValue before = old == null ? null : old.get(attr);
      if (old != null) {
        guard = and(guard, before == null ? Condition.notExists(attr) : (ctx -> ctx.name(attr) + " = " + ctx.value(before)));
      }
      if (Objects.equals(after, before)) {
        continue;
      }
      if (before != null) {
        constraints.add(deleteConstraint(comp, before));
      }
      if (after != null) {
        constraints.add(putConstraint(comp, after, key));
      }
    }
    if (!create) {
      condition = and(condition, guard);
    }
    actions.add(put(key, item, condition, new WriteAction.Hint(expect, versioned && !create, expected, null, null)));
    actions.addAll(constraints);
    return new Plan<>(actions, result);
  }

  record DeletePlan(List<WriteAction> actions, Map<String, AttributeValue> old) {}

  DeletePlan planDelete(EntityKey<T> key, boolean mustExist, Condition extra, Long expectedVersion) {
    Condition condition = mustExist ? Condition.exists(schema.primaryKey().pkAttribute()) : null;
    boolean versioned = expectedVersion != null && schema.versionAttribute() != null;
    if (versioned) {
      AttributeValue ev = AttributeValue.fromN(Long.toString(expectedVersion));
      String va = schema.versionAttribute();
      condition = and(condition, ctx -> ctx.name(va) + " = " + ctx.value(ev));
    }
    condition = and(condition, extra);
    List<WriteAction> constraints = new ArrayList<>();
    Map<String, AttributeValue> old = null;
    if (!schema.uniqueComponents().isEmpty()) {
      old = currentItem(key.key());
      if (old != null) {
        for (String comp : schema.uniqueComponents()) {
          String attr = schema.attributeName(comp);
          AttributeValue before = old.get(attr);
          condition = and(condition, before == null ? Condition.notExists(attr)
              : (ctx -> ctx.name(attr) + " = " + ctx.value(before)));
          if (before != null) {
            constraints.add(deleteConstraint(comp, before));
          }
        }
      }
    }
    List<WriteAction> actions = new ArrayList<>();
    Rendered r = Rendered.of(condition);
    actions.add(new WriteAction(WriteAction.Op.DELETE, table.name(), schema, key.key(), null, null, r.expression(),
        r.names(), r.values(), new WriteAction.Hint(mustExist ? WriteAction.Expect.PRESENT : WriteAction.Expect.ANY,
            versioned, expectedVersion, null, null)));
    actions.addAll(constraints);
    return new DeletePlan(actions, old);
  }

  Map<String, AttributeValue> currentItem(Map<String, AttributeValue> key) {
    GetItemResponse r = table.client().getItem(GetItemRequest.builder().tableName(table.name()).key(key)
        .consistentRead(true).build());
    return r.hasItem() && !r.item().isEmpty() ? r.item() : null;
  }

  private WriteAction put(Map<String, AttributeValue> key, Map<String, AttributeValue> item, Condition condition,
      WriteAction.Hint hint) {
    Rendered r = Rendered.of(condition);
    return new WriteAction(WriteAction.Op.PUT, table.name(), schema, key, Map.copyOf(item), null, r.expression(),
        r.names(), r.values(), hint);
  }

  Map<String, AttributeValue> constraintKey(String component, AttributeValue value) {
    String v = value.s() != null ? value.s() : value.n() != null ? value.n() : String.valueOf(value);
    String id = "UNIQUE#" + schema.type() + "#" + schema.attributeName(component) + "#" + v;
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    key.put(schema.primaryKey().pkAttribute(), AttributeValue.fromS(id));
    if (schema.primaryKey().skAttribute() != null) {
      key.put(schema.primaryKey().skAttribute(), AttributeValue.fromS(id));
    }
    return key;
  }

  WriteAction putConstraint(String component, AttributeValue value, Map<String, AttributeValue> owner) {
    Map<String, AttributeValue> key = constraintKey(component, value);
    Map<String, AttributeValue> item = new LinkedHashMap<>(key);
    item.put(schema.typeAttribute(), AttributeValue.fromS("UNIQUE"));
    item.put("Owner", AttributeValue.fromS(EntityKey.describe(owner)));
    Rendered r = Rendered.of(Condition.notExists(schema.primaryKey().pkAttribute()));
    return new WriteAction(WriteAction.Op.PUT, table.name(), schema, key, item, null, r.expression(), r.names(),
        r.values(), new WriteAction.Hint(WriteAction.Expect.ABSENT, false, null, component,
            value.s() != null ? value.s() : value.n()));
  }

  WriteAction deleteConstraint(String component, AttributeValue value) {
    return new WriteAction(WriteAction.Op.DELETE, table.name(), schema, constraintKey(component, value), null, null,
        null, null, null, WriteAction.Hint.of(WriteAction.Expect.ANY));
  }

  Map<String, AttributeValue> keyFromItem(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    key.put(schema.primaryKey().pkAttribute(), item.get(schema.primaryKey().pkAttribute()));
    if (schema.primaryKey().skAttribute() != null) {
      key.put(schema.primaryKey().skAttribute(), item.get(schema.primaryKey().skAttribute()));
    }
    return key;
  }

  static Condition and(Condition a, Condition b) {
    return a == null ? b : b == null ? a : a.and(b);
  }

  WriteAction conditionCheck(EntityKey<T> key, Condition condition) {
    Rendered r = Rendered.of(Objects.requireNonNull(condition, "condition"));
    return new WriteAction(WriteAction.Op.CHECK, table.name(), schema, key.key(), null, null, r.expression(),
        r.names(), r.values(), WriteAction.Hint.of(WriteAction.Expect.ANY));
  }

  /** A rendered condition with its placeholders. */
  record Rendered(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
    static Rendered of(Condition c) {
      if (c == null) {
        return new Rendered(null, null, null);
      }
      ExpressionContext ctx = new ExpressionContext();
      String e = c.render(ctx);
      return new Rendered(e, ctx.namesOrNull(), ctx.valuesOrNull());
    }
  }
}
