package dev.bricks.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bricks.core.RetryPolicy;
import dev.bricks.dynamo.model.Order;
import dev.bricks.dynamo.model.OrderSchema;
import dev.bricks.dynamo.model.OrderStatus;
import dev.bricks.dynamo.model.Product;
import dev.bricks.dynamo.model.ProductSchema;
import dev.bricks.local.dynamodb.Faults;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Batches of any size, with unprocessed items injected by the engine's fault controls. */
class BatchEngineTest {
    @RegisterExtension
    static final TestTables engine = new TestTables();

    @AfterEach
    void clearFaults() {
        engine.db.faults().clear();
    }

    static BatchWriteBuilder products(DynamoTable table, int n) {
        BatchWriteBuilder b = table.batchWrite();
        for (int i = 0; i < n; i++) {
            b.put(Product.of("p" + i, "cat" + (i % 3), "Acme", "Item " + i));
        }
        return b;
    }

    static List<EntityKey<?>> keys(int n) {
        List<EntityKey<?>> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(ProductSchema.key("p" + i));
        }
        return keys;
    }

    @Test
    void batchWrite_60Items_isChunkedBy25AndAllWritten() {
        DynamoTable table = engine.newTable();
        BatchWriteBuilder b = products(table, 60);
        assertThat(b.dryRun())
                .extracting(r -> r.requestItems().get(table.name()).size())
                .containsExactly(25, 25, 10);
        BatchWriteResult r = b.execute();
        assertThat(r.written()).isEqualTo(60);
        assertThat(r.complete()).isTrue();
        assertThat(table.batchGet(keys(60)).itemsOf(Product.class)).hasSize(60);
    }

    @Test
    void batchGet_250KeysOfMixedTypes_isChunkedAndDecodesEachType() {
        DynamoTable table = engine.newTable();
        products(table, 150).execute();
        table.repository(OrderSchema.SCHEMA).create(Order.of("u1", "o1", OrderStatus.PAID, Instant.EPOCH));
        List<EntityKey<?>> keys = keys(250);
        keys.add(OrderSchema.key("u1", "o1"));
        keys.add(ProductSchema.key("p1")); // duplicate keys are fetched once
        BatchGetResult r = table.batchGet(keys);
        assertThat(r.itemsOf(Product.class)).hasSize(150);
        assertThat(r.itemsOf(Order.class)).extracting(Order::orderId).containsExactly("o1");
        assertThat(r.complete()).isTrue();
    }

    @Test
    void batchWrite_injectedUnprocessed_isRetriedUntilWritten() {
        DynamoTable table = engine.newTable();
        engine.db.faults().failNext("BatchWriteItem", 2, Faults.Kind.UNPROCESSED);
        BatchWriteResult r = products(table, 30).execute();
        assertThat(r.complete()).isTrue();
        assertThat(r.written()).isEqualTo(30);
        assertThat(r.retries()).isGreaterThanOrEqualTo(1);
        assertThat(table.batchGet(keys(30)).items()).hasSize(30);
    }

    @Test
    void batchWrite_alwaysUnprocessed_returnsEveryUnwrittenItemAtDeadline() {
        DynamoTable table = engine.newTable(b -> b.retryPolicy(RetryPolicy.builder()
                .deadline(Duration.ofSeconds(1))
                .initialBackoff(Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(50))
                .build()));
        engine.db.faults().failFraction("BatchWriteItem", 1.0, Faults.Kind.UNPROCESSED);
        BatchWriteResult r = products(table, 30).execute();
        assertThat(r.written()).isZero();
        assertThat(r.unprocessed()).hasSize(30).allSatisfy(o -> assertThat(o).isInstanceOf(Product.class));
        assertThat(r.retries()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void batchGet_injectedUnprocessed_isRetriedThenReturnsWhatStillFails() {
        DynamoTable table = engine.newTable(b -> b.retryPolicy(RetryPolicy.builder()
                .deadline(Duration.ofSeconds(1))
                .initialBackoff(Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(50))
                .build()));
        products(table, 10).execute();
        engine.db.faults().failNext("BatchGetItem", 1, Faults.Kind.UNPROCESSED);
        assertThat(table.batchGet(keys(10)).items()).hasSize(10);
        engine.db.faults().failFraction("BatchGetItem", 1.0, Faults.Kind.UNPROCESSED);
        BatchGetResult r = table.batchGet(keys(10));
        assertThat(r.items()).isEmpty();
        assertThat(r.unprocessed()).hasSize(10).contains(ProductSchema.key("p3"));
    }

    @Test
    void batchWrite_deletes_removeItems() {
        DynamoTable table = engine.newTable();
        products(table, 5).execute();
        BatchWriteBuilder b = table.batchWrite();
        keys(5).forEach(k -> b.delete(k));
        assertThat(b.execute().written()).isEqualTo(5);
        assertThat(table.batchGet(keys(5)).items()).isEmpty();
    }
}
