package dev.bricks.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.dynamo.Condition;
import dev.bricks.dynamo.DynamoTable;
import dev.bricks.dynamo.InvalidRequestException;
import dev.bricks.dynamo.TableDefinition;
import dev.bricks.dynamo.TransactionBuilder;
import dev.bricks.dynamo.TransactionCancelledException;
import dev.bricks.local.dynamodb.LocalDynamoDbExtension;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/** {@link Idempotency#onceInTransaction}: the action's writes and the record's completion in one transaction. */
class IdempotencyTransactionTest {

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = LocalDynamoDbExtension.perClass();

    record Order(String orderId, int quantity) {}

    record Placed(String orderId) {}

    /** Kills the attempt (an Error, as a dying JVM never returns) once a TransactWriteItems has committed. */
    static final class KillAfterCommit implements ExecutionInterceptor {
        volatile boolean armed;

        @Override
        public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
            if (armed && context.request() instanceof TransactWriteItemsRequest) {
                armed = false;
                throw new Killed();
            }
        }
    }

    static final class Killed extends Error {
        Killed() {
            super("attempt killed after its transaction committed");
        }
    }

    private final Engine.CallCounter counter = new Engine.CallCounter();
    private final Engine.MovableClock clock = new Engine.MovableClock();
    private final KillAfterCommit kill = new KillAfterCommit();
    private final AtomicInteger executions = new AtomicInteger();
    private DynamoDbClient client;
    private TableDefinition definition;
    private Idempotency idempotency;

    @BeforeEach
    void setUp() {
        client = Engine.client(DYNAMO.engine(), counter, kill);
        definition = Engine.table(client);
        idempotency = Idempotency.builder(
                        client, DynamoTable.builder(client, definition).build())
                .namespace("placeOrder")
                .inProgressTimeout(Duration.ofSeconds(30))
                .clock(clock)
                .build();
        counter.calls.set(0);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    /** The action: writes the order item (which must not exist) and returns its result. */
    private Placed place(TransactionBuilder tx, Order order) {
        executions.incrementAndGet();
        tx.putItem("ORDER", orderItem(order), Condition.notExists(definition.pkAttribute()));
        return new Placed(order.orderId());
    }

    private Map<String, AttributeValue> orderItem(Order order) {
        Map<String, AttributeValue> item = new HashMap<>(key("ORDER#" + order.orderId()));
        item.put("quantity", AttributeValue.fromN(Integer.toString(order.quantity())));
        return item;
    }

    private Map<String, AttributeValue> key(String pk) {
        return Map.of(
                definition.pkAttribute(),
                AttributeValue.fromS(pk),
                definition.skAttribute(),
                AttributeValue.fromS("A"));
    }

    private boolean exists(String pk) {
        return client.getItem(b -> b.tableName(definition.name()).key(key(pk)).consistentRead(true))
                .hasItem();
    }

    private Map<String, AttributeValue> record(String key) {
        return client.getItem(b -> b.tableName(definition.name())
                        .key(Map.of(
                                definition.pkAttribute(),
                                AttributeValue.fromS(RecordStore.KEY_PREFIX + "placeOrder#" + key),
                                definition.skAttribute(),
                                AttributeValue.fromS(RecordStore.SORT_KEY)))
                        .consistentRead(true))
                .item();
    }

    @Test
    void onceInTransaction_duplicate_writesCommittedOnceAndResultReplayed() {
        Order order = new Order("o-1", 2);

        Placed first = idempotency.onceInTransaction(null, "k-1", order, Placed.class, tx -> place(tx, order));
        int firstCalls = counter.calls.getAndSet(0);
        Placed second = idempotency.onceInTransaction(null, "k-1", order, Placed.class, tx -> place(tx, order));
        int secondCalls = counter.calls.get();

        assertThat(second).isEqualTo(first).isEqualTo(new Placed("o-1"));
        assertThat(executions).hasValue(1);
        assertThat(exists("ORDER#o-1")).isTrue();
        assertThat(record("k-1").get(RecordStore.STATUS).s()).isEqualTo("COMPLETED");
        assertThat(firstCalls)
                .as("the claim's PutItem and one TransactWriteItems")
                .isEqualTo(2);
        assertThat(secondCalls)
                .as("the claim's PutItem, answered with the record")
                .isEqualTo(1);
    }

    @Test
    void onceInTransaction_killedAfterCommit_retryAfterDeadlineReplaysTheFirstResult() {
        Order order = new Order("o-2", 1);
        kill.armed = true;

        assertThatThrownBy(
                        () -> idempotency.onceInTransaction(null, "k-2", order, Placed.class, tx -> place(tx, order)))
                .isInstanceOf(Killed.class);
        clock.advance(Duration.ofSeconds(31)); // past the dead attempt's in-progress deadline
        Placed retried = idempotency.onceInTransaction(
                null, "k-2", order, Placed.class, tx -> place(tx, new Order("o-2-retry", 1)));

        assertThat(retried).isEqualTo(new Placed("o-2"));
        assertThat(executions).as("the retry did not run the action").hasValue(1);
        assertThat(exists("ORDER#o-2-retry")).isFalse();
        assertThat(record("k-2").get(RecordStore.STATUS).s()).isEqualTo("COMPLETED");
    }

    @Test
    void onceInTransaction_claimTakenOverAfterDeadline_cancelledWithoutDuplicate() {
        Order order = new Order("o-3", 1);

        assertThatThrownBy(() -> idempotency.onceInTransaction(null, "k-3", order, Placed.class, tx -> {
                    // this attempt stalls past its deadline; a retry takes the key over and commits
                    clock.advance(Duration.ofSeconds(31));
                    Placed later = idempotency.onceInTransaction(
                            null, "k-3", order, Placed.class, retry -> place(retry, new Order("o-3-later", 1)));
                    assertThat(later).isEqualTo(new Placed("o-3-later"));
                    return place(tx, order);
                }))
                .isInstanceOfSatisfying(IdempotencyException.class, e -> {
                    assertThat(e.reason()).isEqualTo(IdempotencyException.Reason.CLAIM_LOST);
                    assertThat(e.toProblem().status()).isEqualTo(409);
                    assertThat(e.getCause()).isInstanceOf(TransactionCancelledException.class);
                });

        assertThat(exists("ORDER#o-3")).as("the stalled attempt wrote nothing").isFalse();
        assertThat(exists("ORDER#o-3-later")).isTrue();
        assertThat(idempotency.onceInTransaction(null, "k-3", order, Placed.class, tx -> place(tx, order)))
                .isEqualTo(new Placed("o-3-later"));
        assertThat(executions).hasValue(2);
    }

    @Test
    void onceInTransaction_actionConditionFails_cancellationSurfacedAndKeyReleased() {
        Order order = new Order("o-4", 1);
        client.putItem(b -> b.tableName(definition.name()).item(orderItem(order))); // the order id is taken

        assertThatThrownBy(
                        () -> idempotency.onceInTransaction(null, "k-4", order, Placed.class, tx -> place(tx, order)))
                .isInstanceOfSatisfying(
                        TransactionCancelledException.class,
                        e -> assertThat(e.failures()).singleElement().satisfies(c -> {
                            assertThat(c.entityType()).isEqualTo("ORDER");
                            assertThat(c.code()).isEqualTo(TransactionCancelledException.Code.CONDITIONAL_CHECK_FAILED);
                        }));
        assertThat(record("k-4")).as("released").isEmpty();

        client.deleteItem(b -> b.tableName(definition.name()).key(key("ORDER#o-4")));
        Placed retried = idempotency.onceInTransaction(null, "k-4", order, Placed.class, tx -> place(tx, order));

        assertThat(retried).isEqualTo(new Placed("o-4"));
        assertThat(executions).hasValue(2);
        assertThat(record("k-4").get(RecordStore.STATUS).s()).isEqualTo("COMPLETED");
    }

    @Test
    void onceInTransaction_actionThrows_keyReleasedAndNothingWritten() {
        Order order = new Order("o-5", 1);

        assertThatThrownBy(() -> idempotency.onceInTransaction(null, "k-5", order, Placed.class, tx -> {
                    place(tx, order);
                    throw new IllegalArgumentException("out of stock");
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("out of stock");

        assertThat(record("k-5")).isEmpty();
        assertThat(exists("ORDER#o-5")).isFalse();
    }

    @Test
    void onceInTransaction_actionAddsAtMostItsShare_fullTransactionCommits() {
        int share = TransactionBuilder.MAX_ACTIONS - Idempotency.TRANSACTION_ACTIONS;

        Integer written = idempotency.onceInTransaction(null, "k-6", "batch", Integer.class, tx -> {
            for (int i = 0; i < share; i++) {
                place(tx, new Order("o-6-" + i, 1));
            }
            return share;
        });

        assertThat(Idempotency.TRANSACTION_ACTIONS).isEqualTo(1);
        assertThat(written).isEqualTo(99);
        assertThat(exists("ORDER#o-6-98")).isTrue();
        assertThat(record("k-6").get(RecordStore.STATUS).s()).isEqualTo("COMPLETED");
    }

    @Test
    void onceInTransaction_actionExceedsItsShare_refusedAndKeyReleased() {
        assertThatThrownBy(() -> idempotency.onceInTransaction(null, "k-7", "batch", Integer.class, tx -> {
                    for (int i = 0; i < TransactionBuilder.MAX_ACTIONS; i++) {
                        place(tx, new Order("o-7-" + i, 1));
                    }
                    return TransactionBuilder.MAX_ACTIONS;
                }))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("101 actions");

        assertThat(record("k-7")).isEmpty();
        assertThat(exists("ORDER#o-7-0")).isFalse();
    }

    @Test
    void onceInTransaction_actionExecutesTheTransactionItself_refusedButRecordCompleted() {
        Order order = new Order("o-8", 1);

        assertThatThrownBy(() -> idempotency.onceInTransaction(null, "k-8", order, Placed.class, tx -> {
                    Placed placed = place(tx, order);
                    tx.execute();
                    return placed;
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("executed its transaction itself");

        assertThat(exists("ORDER#o-8")).isTrue();
        assertThat(idempotency.onceInTransaction(null, "k-8", order, Placed.class, tx -> place(tx, order)))
                .as("a retry replays instead of writing twice")
                .isEqualTo(new Placed("o-8"));
        assertThat(executions).hasValue(1);
    }

    @Test
    void onceInTransaction_builtWithoutTheTable_refused() {
        Idempotency withoutTable = Idempotency.builder(client, definition).build();

        assertThatThrownBy(() -> withoutTable.onceInTransaction(null, "k-9", "x", Placed.class, tx -> null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Idempotency.builder(DynamoDbClient, DynamoTable)");
        assertThat(client.scan(b -> b.tableName(definition.name())).items()).isEmpty();
    }
}
