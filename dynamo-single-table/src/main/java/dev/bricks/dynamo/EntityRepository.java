package dev.bricks.dynamo;

import dev.bricks.dynamo.WritePlanner.Plan;
import dev.bricks.dynamo.WritePlanner.PutMode;
import dev.bricks.dynamo.schema.EntitySchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Typed access to one entity type in a single table. Verbs say what they guarantee:
 * <ul>
 *   <li>{@link #create} — PutItem, fails with {@link ConditionalFailureException} if the item exists;</li>
 *   <li>{@link #put} — PutItem, replaces (version-checked with {@code @Version});</li>
 *   <li>{@link #patch} — UpdateItem of the given attributes that fails if the item does not exist;</li>
 *   <li>{@link #update} — UpdateItem of the given attributes that creates the item if absent (an upsert that
 *       merges, as ElectroDB's);</li>
 *   <li>{@link #delete} — DeleteItem, succeeds whether or not the item existed;</li>
 *   <li>{@link #remove} — DeleteItem that fails if the item does not exist;</li>
 *   <li>{@link #get} and {@link #query}.</li>
 * </ul>
 * Every write of a {@code @Version}ed entity checks the stored version unless the call passes
 * {@link VersionCheck#SKIP}. Entities with {@code @Unique} components write through TransactWriteItems with
 * their constraint items. {@link #dryRun()} renders each request without sending it. Thread-safe.
 *
 * @param <T> the entity type
 */
public final class EntityRepository<T> {
    final DynamoTable table;
    final EntitySchema<T> schema;
    final WritePlanner<T> planner;

    EntityRepository(DynamoTable table, EntitySchema<T> schema) {
        this.table = table;
        this.schema = schema;
        this.planner = new WritePlanner<>(table, schema);
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

    /** {@link #create(Object)} with an extra condition (may be null). */
    public T create(T entity, Condition condition) {
        return runPut(planner.put(entity, PutMode.CREATE, condition, VersionCheck.ENFORCE));
    }

    /**
     * Writes an entity, replacing any item with its key. With {@code @Version} the write is checked: a zero/null
     * version means "must be new", otherwise the stored version must equal it ({@link VersionConflictException}).
     * Returns what was stored (with the incremented version and timestamps).
     */
    public T put(T entity) {
        return put(entity, null, VersionCheck.ENFORCE);
    }

    /** {@link #put(Object)} with an extra condition (may be null). */
    public T put(T entity, Condition condition) {
        return put(entity, condition, VersionCheck.ENFORCE);
    }

    /** {@link #put(Object)} with an extra condition (may be null) and an explicit {@code @Version} choice. */
    public T put(T entity, Condition condition, VersionCheck versionCheck) {
        return runPut(planner.put(entity, PutMode.REPLACE, condition, versionCheck));
    }

    private T runPut(Plan<T> p) {
        Executor.run(table, p.actions());
        return p.result();
    }

    /** An update of some attributes that creates the item if it does not exist (UpdateItem). */
    public UpdateBuilder<T> update(EntityKey<T> key) {
        return new UpdateBuilder<>(this, key, false);
    }

    /** An update that fails with {@link ConditionalFailureException} if the item does not exist. */
    public UpdateBuilder<T> patch(EntityKey<T> key) {
        return new UpdateBuilder<>(this, key, true);
    }

    /**
     * Deletes the item if present; returns the deleted entity, if any.
     *
     * @throws InvalidRequestException for a {@code @Version}ed entity: use {@link #delete(Object)} or pass
     *     {@link VersionCheck#SKIP}
     */
    public Optional<T> delete(EntityKey<T> key) {
        return delete(key, null, VersionCheck.ENFORCE);
    }

    /** {@link #delete(EntityKey)} if a condition (may be null) holds, with an explicit {@code @Version} choice. */
    public Optional<T> delete(EntityKey<T> key, Condition condition, VersionCheck versionCheck) {
        WritePlanner.Deletion d = planner.deleteByKey(key, false, condition, versionCheck);
        return Optional.ofNullable(runDelete(d.actions(), d.old())).map(this::decode);
    }

    /**
     * Deletes an entity, checking its {@code @Version} (when it has one) and releasing its {@code @Unique} values
     * without reading the item first; returns the deleted entity, if any.
     */
    public Optional<T> delete(T entity) {
        return Optional.ofNullable(
                        runDelete(planner.deleteEntity(entity, false, null, VersionCheck.ENFORCE), itemOf(entity)))
                .map(this::decode);
    }

    /** Deletes an item that must exist; returns the deleted entity. Same version rule as {@link #delete(EntityKey)}. */
    public T remove(EntityKey<T> key) {
        return remove(key, null, VersionCheck.ENFORCE);
    }

    /** {@link #remove(EntityKey)} if a condition (may be null) holds, with an explicit {@code @Version} choice. */
    public T remove(EntityKey<T> key, Condition condition, VersionCheck versionCheck) {
        WritePlanner.Deletion d = planner.deleteByKey(key, true, condition, versionCheck);
        return decode(runDelete(d.actions(), d.old()));
    }

    /** Deletes an entity that must exist, checking its {@code @Version}. */
    public T remove(T entity) {
        return decode(runDelete(planner.deleteEntity(entity, true, null, VersionCheck.ENFORCE), itemOf(entity)));
    }

    /**
     * Runs a delete; returns the old item: DynamoDB's ALL_OLD for a single DeleteItem, else (a transaction with
     * constraint items, which returns nothing) the item known before: read for a delete by key, given for an entity.
     */
    private Map<String, AttributeValue> runDelete(List<WriteAction> actions, Map<String, AttributeValue> known) {
        Map<String, AttributeValue> old = Executor.run(table, actions);
        return actions.size() == 1 ? old : known;
    }

    private Map<String, AttributeValue> itemOf(T entity) {
        return schema.codec().toItem(entity);
    }

    // ---------------------------------------------------------------- reads

    /** Reads one entity (eventually consistent). */
    public Optional<T> get(EntityKey<T> key) {
        return get(key, ReadConsistency.EVENTUAL);
    }

    /**
     * Reads one entity.
     *
     * @throws EntityTypeMismatchException if the item under that key is of another entity type
     */
    public Optional<T> get(EntityKey<T> key, ReadConsistency consistency) {
        GetItemResponse r = table.client().getItem(getRequest(key, consistency));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(decode(r.item())) : Optional.empty();
    }

    GetItemRequest getRequest(EntityKey<T> key, ReadConsistency consistency) {
        return GetItemRequest.builder()
                .tableName(table.name())
                .key(key.key())
                .consistentRead(consistency == ReadConsistency.STRONG)
                .build();
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
            throw new EntityTypeMismatchException(
                    schema.type(), type == null ? null : type.s(), EntityKey.describeKeyOf(item, schema.primaryKey()));
        }
        return schema.codec().fromItem(item);
    }

    /** Renders requests without sending them. */
    public DryRun dryRun() {
        return new DryRun();
    }

    /**
     * Renders each operation's request exactly as it would be sent, without sending it. Only a delete or put
     * by key of an entity with {@code @Unique} components reads the current item (GetItem) to plan its
     * constraint items; deletes of an entity read nothing; nothing is ever written.
     */
    public final class DryRun {
        private DryRun() {}

        /** The request {@link EntityRepository#create(Object)} would send. */
        public DynamoDbRequest create(T entity) {
            return Executor.render(planner.put(entity, PutMode.CREATE, null, VersionCheck.ENFORCE)
                    .actions());
        }

        /** The request {@link EntityRepository#put(Object)} would send. */
        public DynamoDbRequest put(T entity) {
            return Executor.render(planner.put(entity, PutMode.REPLACE, null, VersionCheck.ENFORCE)
                    .actions());
        }

        /** The request {@link EntityRepository#delete(EntityKey, Condition, VersionCheck)} would send. */
        public DynamoDbRequest delete(EntityKey<T> key, VersionCheck versionCheck) {
            return Executor.render(
                    planner.deleteByKey(key, false, null, versionCheck).actions());
        }

        /** The request {@link EntityRepository#delete(Object)} would send; reads nothing. */
        public DynamoDbRequest delete(T entity) {
            return Executor.render(planner.deleteEntity(entity, false, null, VersionCheck.ENFORCE));
        }

        /** The request {@link EntityRepository#remove(EntityKey, Condition, VersionCheck)} would send. */
        public DynamoDbRequest remove(EntityKey<T> key, VersionCheck versionCheck) {
            return Executor.render(
                    planner.deleteByKey(key, true, null, versionCheck).actions());
        }

        /** The request {@link EntityRepository#remove(Object)} would send; reads nothing. */
        public DynamoDbRequest remove(T entity) {
            return Executor.render(planner.deleteEntity(entity, true, null, VersionCheck.ENFORCE));
        }

        /** The request {@link EntityRepository#get(EntityKey)} would send. */
        public GetItemRequest get(EntityKey<T> key) {
            return getRequest(key, ReadConsistency.EVENTUAL);
        }
    }
}
