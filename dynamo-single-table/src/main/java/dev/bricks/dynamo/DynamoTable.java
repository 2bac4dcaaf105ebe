package dev.bricks.dynamo;

import dev.bricks.core.Correlation;
import dev.bricks.core.RetryPolicy;
import dev.bricks.dynamo.schema.EntitySchema;
import dev.bricks.dynamo.schema.IndexKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;

/**
 * One DynamoDB table shared by many entities: the entry point. Create once at init time and reuse; thread-safe.
 *
 * <pre>{@code
 * DynamoTable table = DynamoTable.builder(client, TableDefinition.derive("EcommerceData", UserSchema.SCHEMA, OrderSchema.SCHEMA))
 *     .cursorKey(secretBytes)
 *     .build();
 * EntityRepository<Order> orders = table.repository(OrderSchema.SCHEMA);
 * }</pre>
 *
 * Transactions, batches and batch gets find an entity's generated schema by its class (once per class), so
 * {@code table.transact().create(order)} works without a prior {@link #repository} call.
 */
public final class DynamoTable {
    /** Default retry of unprocessed batch items: 10 s deadline, 25 ms first backoff doubling up to 1 s, full jitter. */
    public static final RetryPolicy DEFAULT_BATCH_RETRY = RetryPolicy.builder()
            .deadline(Duration.ofSeconds(10))
            .initialBackoff(Duration.ofMillis(25))
            .maxBackoff(Duration.ofSeconds(1))
            .build();

    private final DynamoDbClient client;
    private final TableDefinition definition;
    private final Clock clock;
    private final CursorCodec cursors;
    private final Duration cursorTtl;
    private final RetryPolicy retryPolicy;
    private final String correlationAttribute;
    private final UniqueValueNormalizer uniqueValueNormalizer;
    private final Map<Class<?>, EntityRepository<?>> repositories = new ConcurrentHashMap<>();
    private final Map<String, EntitySchema<?>> schemasByType = new ConcurrentHashMap<>();

    private DynamoTable(Builder b) {
        this.client = Objects.requireNonNull(b.client, "client");
        this.definition = Objects.requireNonNull(b.definition, "definition");
        this.clock = b.clock;
        this.cursors = b.cursorKey == null ? null : new CursorCodec(b.cursorKey);
        this.cursorTtl = b.cursorTtl;
        this.retryPolicy = b.retryPolicy;
        this.correlationAttribute = b.correlationAttribute;
        this.uniqueValueNormalizer = b.uniqueValueNormalizer;
    }

    /** Starts a table with its client and definition. */
    public static Builder builder(DynamoDbClient client, TableDefinition definition) {
        return new Builder(client, definition);
    }

    /** The table definition. */
    public TableDefinition definition() {
        return definition;
    }

    /** The table name. */
    public String name() {
        return definition.name();
    }

    DynamoDbClient client() {
        return client;
    }

    Clock clock() {
        return clock;
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    UniqueValueNormalizer uniqueValueNormalizer() {
        return uniqueValueNormalizer;
    }

    /** Cursor lifetime; null when cursors never expire. */
    Duration cursorTtl() {
        return cursorTtl;
    }

    /** The correlation id to store on a write and the attribute to store it in, when enabled and set. */
    Optional<Map.Entry<String, String>> correlation() {
        if (correlationAttribute == null) {
            return Optional.empty();
        }
        return Correlation.current().filter(id -> !id.isBlank()).map(id -> Map.entry(correlationAttribute, id));
    }

    CursorCodec cursors() {
        if (cursors == null) {
            throw new IllegalStateException("No cursor key configured on table " + name()
                    + ": call DynamoTable.builder(...).cursorKey(secret) to use pagination cursors");
        }
        return cursors;
    }

    /**
     * The repository of an entity type (created once, then cached). Checks that the entity's key attributes
     * and indexes exist on this table.
     *
     * @throws IllegalArgumentException if the entity's keys do not fit the table definition
     */
    @SuppressWarnings("unchecked")
    public <T> EntityRepository<T> repository(EntitySchema<T> schema) {
        return (EntityRepository<T>) repositories.computeIfAbsent(schema.entityClass(), c -> {
            check(schema);
            EntitySchema<?> other = schemasByType.putIfAbsent(schema.type(), schema);
            if (other != null && other != schema) {
                throw new IllegalArgumentException("Entity type '" + schema.type() + "' is used by both "
                        + other.entityClass().getName() + " and "
                        + schema.entityClass().getName());
            }
            return new EntityRepository<>(this, schema);
        });
    }

    private void check(EntitySchema<?> s) {
        IndexKey pk = s.primaryKey();
        if (!pk.pkAttribute().equals(definition.pkAttribute())
                || !Objects.equals(pk.skAttribute(), definition.skAttribute())) {
            throw new IllegalArgumentException("Entity " + s.type() + " keys (" + pk.pkAttribute() + ", "
                    + pk.skAttribute() + ") do not match table " + name() + " (" + definition.pkAttribute() + ", "
                    + definition.skAttribute() + ")");
        }
        for (IndexKey k : s.indexes()) {
            TableDefinition.Gsi g = definition.index(k.indexName());
            if (!g.pkAttribute().equals(k.pkAttribute()) || !Objects.equals(g.skAttribute(), k.skAttribute())) {
                throw new IllegalArgumentException(
                        "Entity " + s.type() + " index " + k.indexName() + " keys do not match table " + name());
            }
        }
    }

    /** The repository of an entity's class, from its generated schema (looked up once per class). */
    @SuppressWarnings("unchecked")
    <T> EntityRepository<T> repositoryOf(T entity) {
        if (Objects.requireNonNull(entity, "entity") instanceof EntityKey<?> k) {
            throw new IllegalArgumentException("Expected an entity, got the key " + k
                    + "; writes by key take a VersionCheck, " + "e.g. delete(key, VersionCheck.SKIP)");
        }
        Class<T> type = (Class<T>) entity.getClass();
        EntityRepository<T> r = (EntityRepository<T>) repositories.get(type);
        return r != null ? r : repository(GeneratedSchemas.of(type));
    }

    /** Starts a transaction (TransactWriteItems, up to 100 actions). */
    public TransactionBuilder transact() {
        return new TransactionBuilder(this);
    }

    /** Starts a batch write (BatchWriteItem in chunks of 25, retrying unprocessed items). */
    public BatchWriteBuilder batchWrite() {
        return new BatchWriteBuilder(this);
    }

    /**
     * Reads many items of any entity types (BatchGetItem in chunks of 100), retrying unprocessed keys under the
     * table's {@link Builder#retryPolicy retry policy}. Keys still unprocessed then are returned, never dropped.
     */
    public BatchGetResult batchGet(Collection<? extends EntityKey<?>> keys) {
        return new BatchGetter(this).get(List.copyOf(keys));
    }

    /** Renders table-level requests without sending them (dry run). */
    public DryRun dryRun() {
        return new DryRun();
    }

    /** Table-level dry runs; see {@link EntityRepository#dryRun()} for single-entity verbs. */
    public final class DryRun {
        private DryRun() {}

        /** The BatchGetItem requests {@link DynamoTable#batchGet} would send first: duplicates removed, 100 keys each. */
        public List<BatchGetItemRequest> batchGet(Collection<? extends EntityKey<?>> keys) {
            return new BatchGetter(DynamoTable.this).render(List.copyOf(keys));
        }
    }

    /**
     * A collection on the table's primary key: several entity types under one partition, read with one query
     * and each item decoded to its own type. All members must share the partition key template.
     *
     * @param name collection name (bound into its cursors); never null
     */
    public EntityCollection collection(String name, EntitySchema<?>... members) {
        return newCollection(name, null, members);
    }

    /**
     * A collection on a GSI: several entity types under one index partition.
     *
     * @param name collection name (bound into its cursors); never null
     * @param indexName the GSI every member declares; never null
     */
    public EntityCollection collectionOnIndex(String name, String indexName, EntitySchema<?>... members) {
        return newCollection(name, Objects.requireNonNull(indexName, "indexName"), members);
    }

    private EntityCollection newCollection(String name, String indexName, EntitySchema<?>[] members) {
        for (EntitySchema<?> m : members) {
            repository(m);
        }
        return new EntityCollection(this, Objects.requireNonNull(name, "name"), indexName, List.of(members));
    }

    /** Builder; not thread-safe. */
    public static final class Builder {
        private final DynamoDbClient client;
        private final TableDefinition definition;
        private Clock clock = Clock.systemUTC();
        private byte[] cursorKey;
        private Duration cursorTtl;
        private RetryPolicy retryPolicy = DEFAULT_BATCH_RETRY;
        private String correlationAttribute = Correlation.ITEM_ATTRIBUTE;
        private UniqueValueNormalizer uniqueValueNormalizer = UniqueValueNormalizer.IDENTITY;

        private Builder(DynamoDbClient client, TableDefinition definition) {
            this.client = client;
            this.definition = definition;
        }

        /** Clock for managed timestamps ({@code @CreatedAt}, {@code @UpdatedAt}) and cursor expiry; UTC by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Secret for signing (HMAC-SHA256) and encrypting (AES-CTR) pagination cursors; at least 32 bytes.
         * Without it, issuing or accepting cursors fails (closed by default).
         */
        public Builder cursorKey(byte[] secret) {
            if (secret == null || secret.length < 32) {
                throw new IllegalArgumentException(
                        "Cursor key must be at least 32 bytes, got " + (secret == null ? "null" : secret.length));
            }
            this.cursorKey = secret.clone();
            return this;
        }

        /** How long a cursor stays valid after it was issued; cursors never expire by default. */
        public Builder cursorTtl(Duration ttl) {
            if (ttl == null || ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("Cursor TTL must be positive, got " + ttl);
            }
            this.cursorTtl = ttl;
            return this;
        }

        /** How batch writes and batch gets retry unprocessed items; {@link #DEFAULT_BATCH_RETRY} by default. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * The attribute every write stores the current correlation id in ({@code Correlation.current()}), so a
         * DynamoDB stream handler continues the request's correlation chain; {@value Correlation#ITEM_ATTRIBUTE}
         * by default (the name core's {@code DynamoDbStreamHandler} reads). Nothing is stored when no correlation id
         * is set.
         */
        public Builder correlationAttribute(String attributeName) {
            if (attributeName == null || attributeName.isBlank()) {
                throw new IllegalArgumentException(
                        "Correlation attribute name is blank; use withoutCorrelation() to turn it off");
            }
            this.correlationAttribute = attributeName;
            return this;
        }

        /** Stores no correlation id on writes. */
        public Builder withoutCorrelation() {
            this.correlationAttribute = null;
            return this;
        }

        /** How {@code @Unique} values are normalised before they key their constraint items; unchanged by default. */
        public Builder uniqueValueNormalizer(UniqueValueNormalizer normalizer) {
            this.uniqueValueNormalizer = Objects.requireNonNull(normalizer, "normalizer");
            return this;
        }

        /** The table; thread-safe. */
        public DynamoTable build() {
            return new DynamoTable(this);
        }
    }
}
