package dev.bricks.local.dynamodb;

import static dev.bricks.local.dynamodb.Fixtures.item;
import static dev.bricks.local.dynamodb.Fixtures.n;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** A transaction is one log record, so a crash at any byte of it replays all of the transaction or none. */
class TornLogRecordTest {

    @Test
    void transaction_isOneLogRecord_andATornRecordAtEveryOffsetReplaysNothingOfIt(@TempDir Path dir) throws Exception {
        String table;
        byte[] log;
        try (LocalDynamoDb db = LocalDynamoDb.builder()
                        .dataDirectory(dir.resolve("live"))
                        .start();
                DynamoDbClient c = Clients.dynamo(db)) {
            table = Fixtures.table(c, false);
            c.putItem(b -> b.tableName(table).item(item("pk", "balance", "v", 10)));
            c.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder()
                            .put(Put.builder()
                                    .tableName(table)
                                    .item(item("pk", "t1", "v", 1))
                                    .build())
                            .build(),
                    TransactWriteItem.builder()
                            .put(Put.builder()
                                    .tableName(table)
                                    .item(item("pk", "t2", "v", 2))
                                    .build())
                            .build(),
                    TransactWriteItem.builder()
                            .update(Update.builder()
                                    .tableName(table)
                                    .key(item("pk", "balance"))
                                    .updateExpression("SET v = v - :d")
                                    .expressionAttributeValues(java.util.Map.of(":d", n(3)))
                                    .build())
                            .build()));
            log = Files.readAllBytes(
                    dir.resolve("live").resolve("log.jsonl")); // as a crash would leave it: no snapshot yet
        }
        int lastStart = lastRecordStart(log);
        assertThat(new String(log, lastStart, log.length - lastStart, StandardCharsets.UTF_8))
                .as("the whole transaction is the last record, on one line")
                .startsWith("{\"op\":\"Transaction\"")
                .endsWith("\n")
                .contains("\"t1\"", "\"t2\"", "\"balance\"");

        for (int cut = lastStart; cut <= log.length; cut++) {
            Path crashed = dir.resolve("crashed-" + cut);
            Files.createDirectories(crashed);
            Files.write(crashed.resolve("log.jsonl"), Arrays.copyOf(log, cut));
            try (LocalDynamoDb db = LocalDynamoDb.builder()
                    .dataDirectory(crashed)
                    .ttlSweepInterval(java.time.Duration.ZERO)
                    .start()) {
                boolean whole = cut == log.length;
                assertThat(value(db, table, "t1"))
                        .as("t1 after a cut at %d of %d", cut, log.length)
                        .isEqualTo(whole ? "1" : null);
                assertThat(value(db, table, "t2"))
                        .as("t2 after a cut at %d", cut)
                        .isEqualTo(whole ? "2" : null);
                assertThat(value(db, table, "balance"))
                        .as("balance after a cut at %d", cut)
                        .isEqualTo(whole ? "7" : "10");
            }
        }
    }

    @Test
    void tornRecord_isCutOffOnRecovery_soLaterWritesSurviveTheNextRestart(@TempDir Path dir) throws Exception {
        String table;
        try (LocalDynamoDb db = LocalDynamoDb.builder()
                        .dataDirectory(dir.resolve("live"))
                        .start();
                DynamoDbClient c = Clients.dynamo(db)) {
            table = Fixtures.table(c, false);
            c.putItem(b -> b.tableName(table).item(item("pk", "a", "v", 1)));
            Path crashed = Files.createDirectories(dir.resolve("crashed"));
            byte[] log = Files.readAllBytes(dir.resolve("live").resolve("log.jsonl"));
            Files.write(crashed.resolve("log.jsonl"), Arrays.copyOf(log, log.length - 5)); // the put is torn
        }
        Path crashed = dir.resolve("crashed");
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(crashed).start();
                DynamoDbClient c = Clients.dynamo(db)) {
            assertThat(value(db, table, "a")).isNull();
            c.putItem(b -> b.tableName(table).item(item("pk", "b", "v", 2)));
            // a second crash: the log as it is now, without the snapshot close() would write
            Files.copy(crashed.resolve("log.jsonl"), dir.resolve("log-after-second-crash.jsonl"));
        }
        Path again = Files.createDirectories(dir.resolve("again"));
        Files.copy(dir.resolve("log-after-second-crash.jsonl"), again.resolve("log.jsonl"));
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(again).start()) {
            assertThat(value(db, table, "b")).isEqualTo("2");
        }
    }

    private static int lastRecordStart(byte[] log) {
        int i = log.length - 2; // skip the final newline
        while (i >= 0 && log[i] != '\n') {
            i--;
        }
        return i + 1;
    }

    /** Reads an item's v through the engine's JSON protocol code (no HTTP: hundreds of restarts). */
    private static String value(LocalDynamoDb db, String table, String pk) throws Exception {
        JsonNode request = JsonProtocol.MAPPER.readTree(
                "{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":{\"S\":\"" + pk + "\"}},\"ConsistentRead\":true}");
        JsonNode item = db.engine().execute("GetItem", request).get("Item");
        return item == null ? null : item.get("v").get("N").asText();
    }
}
