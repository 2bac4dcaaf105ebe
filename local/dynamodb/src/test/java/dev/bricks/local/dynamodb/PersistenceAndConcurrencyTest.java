package dev.bricks.local.dynamodb;

import static dev.bricks.local.dynamodb.Fixtures.item;
import static dev.bricks.local.dynamodb.Fixtures.n;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

class PersistenceAndConcurrencyTest {

    @Test
    void dataDirectory_cleanRestart_keepsTablesAndItems(@TempDir Path dir) {
        String table;
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(dir).start();
                DynamoDbClient c = Clients.dynamo(db)) {
            table = Fixtures.table(c, true);
            c.putItem(b -> b.tableName(table).item(item("pk", "a", "sk", "1", "v", 1)));
            c.putItem(b -> b.tableName(table).item(item("pk", "b", "sk", "1", "v", 2)));
            c.deleteItem(b -> b.tableName(table).key(item("pk", "b", "sk", "1")));
            c.updateTimeToLive(b -> b.tableName(table)
                    .timeToLiveSpecification(s -> s.attributeName("exp").enabled(true)));
        }
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(dir).start();
                DynamoDbClient c = Clients.dynamo(db)) {
            assertThat(c.getItem(b -> b.tableName(table).key(item("pk", "a", "sk", "1")))
                            .item())
                    .containsEntry("v", n(1));
            assertThat(c.getItem(b -> b.tableName(table).key(item("pk", "b", "sk", "1")))
                            .hasItem())
                    .isFalse();
            assertThat(c.describeTimeToLive(b -> b.tableName(table))
                            .timeToLiveDescription()
                            .attributeName())
                    .isEqualTo("exp");
        }
    }

    @Test
    void dataDirectory_logWithoutSnapshot_isReplayedAndTornLastLineIgnored(@TempDir Path dir) throws Exception {
        String table;
        LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(dir).start();
        try (DynamoDbClient c = Clients.dynamo(db)) {
            table = Fixtures.table(c, false);
            c.putItem(b -> b.tableName(table).item(item("pk", "acked", "v", 1)));
        }
        // simulate a crash: copy the files as they are now (log only, no snapshot) plus a torn write
        Path crashed = Files.createDirectory(dir.resolve("crashed"));
        Files.copy(dir.resolve("log.jsonl"), crashed.resolve("log.jsonl"));
        Files.writeString(
                crashed.resolve("log.jsonl"),
                "{\"op\":\"Put\",\"table\":\"" + table + "\",\"item\":{\"pk\":{\"S\":\"to",
                java.nio.file.StandardOpenOption.APPEND);
        db.close();
        try (LocalDynamoDb db2 = LocalDynamoDb.builder().dataDirectory(crashed).start();
                DynamoDbClient c = Clients.dynamo(db2)) {
            assertThat(c.getItem(b -> b.tableName(table).key(item("pk", "acked")))
                            .item())
                    .containsEntry("v", n(1));
            assertThat(c.scan(b -> b.tableName(table)).count()).isEqualTo(1);
        }
    }

    @Test
    void dataDirectory_crashAfterSnapshotBeforeLogTruncation_replaysIdempotently(@TempDir Path dir) throws Exception {
        String table;
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(dir).start();
                DynamoDbClient c = Clients.dynamo(db)) {
            table = Fixtures.table(c, false);
            c.putItem(b -> b.tableName(table).item(item("pk", "a", "v", 1)));
        }
        // the snapshot now holds the table; put back a log that repeats what the snapshot already contains
        List<String> snapshot = Files.readAllLines(dir.resolve("snapshot.jsonl"));
        Files.write(dir.resolve("log.jsonl"), snapshot);
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(dir).start();
                DynamoDbClient c = Clients.dynamo(db)) {
            assertThat(c.scan(b -> b.tableName(table)).items()).containsExactly(item("pk", "a", "v", 1));
        }
    }

    @Test
    void concurrentIncrements_areLinearizable() throws Exception {
        try (LocalDynamoDb db = LocalDynamoDb.start();
                DynamoDbClient c = Clients.dynamo(db)) {
            String table = Fixtures.table(c, false);
            c.putItem(b -> b.tableName(table).item(item("pk", "counter", "n", 0)));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> fs = new ArrayList<>();
            AtomicInteger conflicts = new AtomicInteger();
            for (int t = 0; t < 8; t++) {
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        // optimistic read-modify-write: succeeds only against the value it read
                        while (true) {
                            String cur = c.getItem(b -> b.tableName(table)
                                            .key(item("pk", "counter"))
                                            .consistentRead(true))
                                    .item()
                                    .get("n")
                                    .n();
                            try {
                                c.updateItem(b -> b.tableName(table)
                                        .key(item("pk", "counter"))
                                        .updateExpression("SET n = :next")
                                        .conditionExpression("n = :cur")
                                        .expressionAttributeValues(
                                                Map.of(":cur", n(cur), ":next", n(Long.parseLong(cur) + 1))));
                                break;
                            } catch (ConditionalCheckFailedException e) {
                                conflicts.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) f.get();
            pool.shutdown();
            assertThat(c.getItem(b -> b.tableName(table).key(item("pk", "counter")))
                            .item()
                            .get("n")
                            .n())
                    .isEqualTo("200");
        }
    }

    @Test
    void concurrentTransactions_neverDoubleSpend() throws Exception {
        try (LocalDynamoDb db = LocalDynamoDb.start();
                DynamoDbClient c = Clients.dynamo(db)) {
            String accounts = Fixtures.table(c, false);
            String ledger = Fixtures.table(c, false);
            c.putItem(b -> b.tableName(accounts).item(item("pk", "acct", "balance", 50)));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            AtomicInteger ok = new AtomicInteger();
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                int k = i;
                fs.add(pool.submit(() -> {
                    try {
                        c.transactWriteItems(b -> b.transactItems(
                                TransactWriteItem.builder()
                                        .update(Update.builder()
                                                .tableName(accounts)
                                                .key(item("pk", "acct"))
                                                .updateExpression("SET balance = balance - :one")
                                                .conditionExpression("balance >= :one")
                                                .expressionAttributeValues(Map.of(":one", n(1)))
                                                .build())
                                        .build(),
                                TransactWriteItem.builder()
                                        .put(Put.builder()
                                                .tableName(ledger)
                                                .item(item("pk", "entry-" + k))
                                                .build())
                                        .build()));
                        ok.incrementAndGet();
                    } catch (TransactionCanceledException e) {
                        // balance exhausted
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) f.get();
            pool.shutdown();
            assertThat(ok.get()).isEqualTo(50);
            assertThat(c.scan(b -> b.tableName(ledger)).count()).isEqualTo(50);
            assertThat(c.getItem(b -> b.tableName(accounts).key(item("pk", "acct")))
                            .item()
                            .get("balance")
                            .n())
                    .isEqualTo("0");
        }
    }
}
