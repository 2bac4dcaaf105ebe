package dev.bricks.outbox;

import dev.bricks.core.Correlation;
import dev.bricks.dynamo.DynamoTable;
import dev.bricks.dynamo.TableDefinition;
import dev.bricks.dynamo.TransactionBuilder;
import dev.bricks.events.DomainEvent;
import dev.bricks.events.EventRejectedException;
import dev.bricks.events.OutgoingEvent;
import dev.bricks.events.PreparedEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The writing half of the transactional outbox: adds a domain event to a single-table transaction as an outbox
 * item, so the event exists if and only if the business writes commit. {@link OutboxRelay} publishes it from the
 * table's stream.
 *
 * <pre>{@code
 * static final Outbox OUTBOX = Outbox.builder(table).build();
 * ...
 * TransactionBuilder tx = table.transact()
 *     .create(order)
 *     .update(users.update(UserSchema.key(userId)).add(UserSchema.ORDER_COUNT, 1).versionCheck(VersionCheck.SKIP));
 * OUTBOX.publish(tx, "ORDER#" + orderId, new OrderPlaced(orderId, userId, 3));
 * tx.execute();
 * }</pre>
 *
 * <p>The item: {@code PK = OUTBOX#<aggregateKey>}, {@code SK = <event id>} (a time-ordered UUID, so one aggregate's
 * events sort in write order), the event rendered as {@code bricks-events} sends it ({@link PreparedEvent}: source
 * and detail-type from {@link DomainEvent}, the detail JSON with {@code _correlation_id} and {@code _event_id}, the
 * trace header of the writing invocation), the writer's correlation id, and the table's TTL attribute set to
 * {@link Builder#retention(Duration) retention} after the write.
 *
 * <p>Immutable and thread-safe; create one per table at init.
 */
public final class Outbox {

    /** Partition key prefix of outbox items: {@code OUTBOX#}. */
    public static final String KEY_PREFIX = "OUTBOX#";
    /** The label of outbox writes in transaction errors and cancellation reasons: {@code OUTBOX}. */
    public static final String LABEL = "OUTBOX";
    /**
     * Default retention: 2 days. An outbox item is relayed within seconds; it expires after its stream record
     * (kept 24 hours) is gone, so an item is never deleted before the relay had every chance to read it.
     */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(2);

    private final String pkAttribute;
    private final String skAttribute;
    private final String ttlAttribute;
    private final Duration retention;
    private final Clock clock;

    private Outbox(Builder b, String ttlAttribute) {
        TableDefinition definition = b.table.definition();
        this.pkAttribute = definition.pkAttribute();
        this.skAttribute = definition.skAttribute();
        this.ttlAttribute = ttlAttribute;
        this.retention = b.retention;
        this.clock = b.clock;
    }

    /** A builder for the outbox of {@code table}. */
    public static Builder builder(DynamoTable table) {
        return new Builder(Objects.requireNonNull(table, "table"));
    }

    /**
     * Adds {@code event} to {@code tx} as an outbox item (a PutItem in the same TransactWriteItems), rendered now
     * with the current correlation id and trace header.
     *
     * @param tx           the transaction of the business writes; never null
     * @param aggregateKey the aggregate the event belongs to, e.g. {@code ORDER#o-1}: the relay keeps the order of
     *                     one aggregate's events; never blank
     * @param event        a {@link DomainEvent}-annotated object or an {@link OutgoingEvent}; never null
     * @return the event as it will be published (its {@link PreparedEvent#eventId()} is the item's sort key)
     * @throws EventRejectedException when the event cannot be published at all (no source, not a JSON object)
     */
    public PreparedEvent publish(TransactionBuilder tx, String aggregateKey, Object event) {
        Objects.requireNonNull(tx, "tx");
        OutboxItem outboxItem = prepare(aggregateKey, event);
        tx.putItem(LABEL, outboxItem.toItem(pkAttribute, skAttribute, ttlAttribute), null);
        return outboxItem.event();
    }

    /** The outbox item for {@code event}, without writing it (a dry run of {@link #publish}). */
    public Map<String, AttributeValue> item(String aggregateKey, Object event) {
        return prepare(aggregateKey, event).toItem(pkAttribute, skAttribute, ttlAttribute);
    }

    private OutboxItem prepare(String aggregateKey, Object event) {
        if (aggregateKey == null || aggregateKey.isBlank()) {
            throw new IllegalArgumentException("aggregateKey must be non-blank, was "
                    + (aggregateKey == null ? "null" : "'" + aggregateKey + "'"));
        }
        PreparedEvent prepared = PreparedEvent.of(Objects.requireNonNull(event, "event"));
        return new OutboxItem(
                aggregateKey,
                prepared,
                Correlation.current().orElse(null),
                clock.instant().plus(retention));
    }

    /** Options of an {@link Outbox}; not thread-safe. */
    public static final class Builder {
        private final DynamoTable table;
        private String ttlAttribute;
        private Duration retention = DEFAULT_RETENTION;
        private Clock clock = Clock.systemUTC();

        private Builder(DynamoTable table) {
            this.table = table;
        }

        /** The TTL attribute to write; default the table definition's {@code ttlAttribute}. */
        public Builder ttlAttribute(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("ttlAttribute must be non-blank, was " + value);
            }
            this.ttlAttribute = value;
            return this;
        }

        /** How long an outbox item is kept after its write; default {@link Outbox#DEFAULT_RETENTION}; positive. */
        public Builder retention(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("retention must be positive, was " + value);
            }
            this.retention = value;
            return this;
        }

        /** The clock of the expiry; default UTC system clock. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Builds the outbox.
         *
         * @throws IllegalStateException when the table has no sort key (one aggregate's events share a partition)
         *                               or no TTL attribute is known
         */
        public Outbox build() {
            TableDefinition definition = table.definition();
            if (definition.skAttribute() == null) {
                throw new IllegalStateException("table " + definition.name() + " has no sort key: the outbox keeps "
                        + "one aggregate's events under one partition key, ordered by the sort key");
            }
            String ttl = ttlAttribute != null ? ttlAttribute : definition.ttlAttribute();
            if (ttl == null) {
                throw new IllegalStateException(
                        "table " + definition.name() + " has no TTL attribute: declare one "
                                + "(TableDefinition.builder(…).ttlAttribute(\"ttl\")) or give Outbox.builder(…).ttlAttribute(…)");
            }
            return new Outbox(this, ttl);
        }
    }
}
