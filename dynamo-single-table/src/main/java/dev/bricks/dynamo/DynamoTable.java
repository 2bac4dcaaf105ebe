package dev.bricks.dynamo;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One DynamoDB table shared by many entities: the entry point. Create once at init time and reuse; thread-safe.
 *
 * <pre>{@code
 * DynamoTable table = DynamoTable.builder(client, TableDefinition.derive("EcommerceData", UserSchema.SCHEMA, OrderSchema.SCHEMA))
 *     .cursorKey(secretBytes).build();
 * EntityRepository<Order> orders = table.repository(OrderSchema.SCHEMA);
 * }</pre>
 */
public final class DynamoTable {
  /** Default time batch operations keep retrying unprocessed items: 10 s. */
  public static final Duration DEFAULT_BATCH_DEADLINE = Duration.ofSeconds(10);
  /** Default first backoff delay of batch retries: 25 ms (doubling, full jitter, capped at 1 s). */
  public static final Duration DEFAULT_BATCH_BASE_DELAY = Duration.ofMillis(25);

  private final DynamoDbClient client;
  private final TableDefinition definition;
  private final Clock clock;
  private final CursorCodec cursors;
  private final Duration batchDeadline;
  private final Duration batchBaseDelay;
  private final Map<Class<?>, EntityRepository<?>> repositories = new ConcurrentHashMap<>();
  private final Map<String, EntitySchema<?>> schemasByType = new ConcurrentHashMap<>();

  private DynamoTable(Builder b) {
    this.client = Objects.requireNonNull(b.client, "client");
    this.definition = Objects.requireNonNull(b.definition, "definition");
    this.clock = b.clock;
    this.cursors = b.cursorKey == null ? null : new CursorCodec(b.cursorKey);
    this.batchDeadline = b.batchDeadline;
    this.batchBaseDelay = b.batchBaseDelay;
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

  Duration batchDeadline() {
    return batchDeadline;
  }

  Duration batchBaseDelay() {
    return batchBaseDelay;
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
            + other.entityClass().getName() + " and " + schema.entityClass().getName());
      }
      return new EntityRepository<>(this, schema);
    });
  }

  private void check(EntitySchema<?> s) {
    IndexKey pk = s.primaryKey();
    if (!pk.pkAttribute().equals(definition.pkAttribute()) || !Objects.equals(pk.skAttribute(), definition.skAttribute())) {
      throw new IllegalArgumentException("Entity " + s.type() + " keys (" + pk.pkAttribute() + ", " + pk.skAttribute()
          + ") do not match table " + name() + " (" + definition.pkAttribute() + ", " + definition.skAttribute() + ")");
    }
    for (IndexKey k : s.indexes()) {
      TableDefinition.Gsi g = definition.index(k.indexName());
      if (!g.pkAttribute().equals(k.pkAttribute()) || !Objects.equals(g.skAttribute(), k.skAttribute())) {
        throw new IllegalArgumentException("Entity " + s.type() + " index " + k.indexName() + " keys do not match table "
            + name());
      }
    }
  }

  /** The repository registered for an entity's class. */
  @SuppressWarnings("unchecked")
  <T> EntityRepository<T> repositoryOf(T entity) {
    EntityRepository<T> r = (EntityRepository<T>) repositories.get(Objects.requireNonNull(entity, "entity").getClass());
    if (r == null) {
      throw new IllegalArgumentException("No repository for " + entity.getClass().getName()
          + " on table " + name() + "; call table.repository(<Entity>Schema.SCHEMA) first");
    }
    return r;
  }

  <T> EntityRepository<T> repositoryOf(EntitySchema<T> schema) {
    return repository(schema);
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
   * Reads many items of any registered entity types (BatchGetItem in chunks of 100), retrying unprocessed
   * keys with backoff until the batch deadline. Keys still unprocessed then are returned, never dropped.
   */
  public BatchGetResult batchGet(Collection<? extends EntityKey<?>> keys) {
    return new BatchGetter(this).get(List.copyOf(keys));
  }

  /** The BatchGetItem requests {@link #batchGet} would send first (dry run): duplicates removed, 100 keys each. */
  public List<software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest> renderBatchGet(
      Collection<? extends EntityKey<?>> keys) {
    return new BatchGetter(this).render(List.copyOf(keys));
  }

  /**
   * A collection: several entity types under one partition, read with one query and each item decoded to
   * its own type. All members must share the partition key template of the collection's index.
   *
   * @param name collection name (bound into its cursors)
   * @param indexName GSI name, or null for the table
   */
  public EntityCollection collection(String name, String indexName, EntitySchema<?>... members) {
    for (EntitySchema<?> m : members) {
      repository(m);
    }
    return new EntityCollection(this, name, indexName, List.of(members));
  }

  /** Builder; not thread-safe. */
  public static final class Builder {
    private final DynamoDbClient client;
    private final TableDefinition definition;
    private Clock clock = Clock.systemUTC();
    private byte[] cursorKey;
    private Duration batchDeadline = DEFAULT_BATCH_DEADLINE;
    private Duration batchBaseDelay = DEFAULT_BATCH_BASE_DELAY;

    private Builder(DynamoDbClient client, TableDefinition definition) {
      this.client = client;
      this.definition = definition;
    }

    /** Clock for managed timestamps ({@code @CreatedAt}, {@code @UpdatedAt}); UTC system clock by default. */
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
        throw new IllegalArgumentException("Cursor key must be at least 32 bytes, got "
            + (secret == null ? "null" : secret.length));
      }
      this.cursorKey = secret.clone();
      return this;
    }

    /** How long batch operations keep retrying unprocessed items. */
    public Builder batchDeadline(Duration deadline) {
      if (deadline.isNegative()) {
        throw new IllegalArgumentException("Batch deadline is negative: " + deadline);
      }
      this.batchDeadline = deadline;
      return this;
    }

    /** First backoff delay of batch retries. */
    public Builder batchBaseDelay(Duration delay) {
      if (delay.isNegative() || delay.isZero()) {
        throw new IllegalArgumentException("Batch base delay must be positive: " + delay);
      }
      this.batchBaseDelay = delay;
      return this;
    }

    public DynamoTable build() {
      return new DynamoTable(this);
    }
  }
}
