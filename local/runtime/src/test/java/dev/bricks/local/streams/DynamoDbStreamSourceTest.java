package dev.bricks.local.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.local.dynamodb.LocalDynamoDb;
import dev.bricks.local.fixtures.StreamBatchHandler;
import dev.bricks.local.fixtures.TestApp;
import dev.bricks.local.functions.FunctionEnvironments;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class DynamoDbStreamSourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    static LocalDynamoDb engine;
    static DynamoDbClient dynamo;
    static FunctionEnvironments functions;
    final List<String> lines = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startAll() {
        engine = LocalDynamoDb.start();
        dynamo = DynamoDbClient.builder()
                .endpointOverride(engine.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        functions = TestApp.environments(
                TestApp.function(dir, "Reporter", StreamBatchHandler.class, Map.of("MODE", "report")),
                TestApp.function(dir, "Thrower", StreamBatchHandler.class, Map.of("MODE", "throw")),
                TestApp.function(dir, "Recorder", StreamBatchHandler.class, Map.of("MODE", "report")),
                TestApp.function(dir, "Windowed", StreamBatchHandler.class, Map.of("MODE", "report")));
    }

    @AfterAll
    static void stopAll() {
        functions.close();
        dynamo.close();
        engine.close();
    }

    @Test
    void reportBatchItemFailures_failedThirdRecord_checkpointsBeforeItRetriesFromItThenGivesUp() throws Exception {
        table("reported");
        for (int i = 1; i <= 5; i++) {
            put("reported", "item-" + i, i == 3);
        }
        StreamSourceConfig config = StreamSourceConfig.builder("Reporter", "reported")
                .startingPosition(StartingPosition.TRIM_HORIZON)
                .batchSize(10)
                .reportBatchItemFailures(true)
                .maximumRetryAttempts(1)
                .onFailureDestination("arn:aws:sqs:us-east-1:000000000000:reported-dlq")
                .pollInterval(Duration.ofMillis(50))
                .build();

        try (DynamoDbStreamSource source = source(config)) {
            assertThat(TestApp.await(WAIT, () -> source.handledRecords() == 5)).isTrue();

            assertThat(batchesOfIds("Reporter"))
                    .containsExactly(
                            List.of("item-1", "item-2", "item-3", "item-4", "item-5"),
                            List.of("item-3", "item-4", "item-5"));
            StreamFailure failure = source.failures().get(0);
            assertThat(source.failures()).hasSize(1);
            assertThat(failure.condition()).isEqualTo(StreamFailure.Condition.RetryAttemptsExhausted);
            assertThat(failure.attempts()).isEqualTo(2);
            assertThat(failure.errorType()).isEqualTo("ReportedBatchItemFailure");
            assertThat(failure.records()).hasSize(3);
            assertThat(JSON.readTree(failure.records().get(0))
                            .at("/dynamodb/Keys/id/S")
                            .asText())
                    .isEqualTo("item-3");
            assertThat(failure.startSequenceNumber())
                    .isEqualTo(JSON.readTree(failure.records().get(0))
                            .at("/dynamodb/SequenceNumber")
                            .asText());
            assertThat(failure.streamArn()).isEqualTo(source.streamArn());
            assertThat(lines)
                    .singleElement()
                    .asString()
                    .startsWith("stream records given up: Reporter 3 records " + failure.startSequenceNumber())
                    .endsWith("after 2 attempts (RetryAttemptsExhausted): ReportedBatchItemFailure"
                            + " -> arn:aws:sqs:us-east-1:000000000000:reported-dlq");

            put("reported", "item-6", false);
            assertThat(TestApp.await(WAIT, () -> source.handledRecords() == 6)).isTrue();
            assertThat(batchesOfIds("Reporter")).last().isEqualTo(List.of("item-6"));
        }
    }

    @Test
    void bisectBatchOnFunctionError_throwingOnOneRecord_isolatesItAndDeliversTheOthers() throws Exception {
        table("bisected");
        for (int i = 1; i <= 4; i++) {
            put("bisected", "item-" + i, i == 3);
        }
        StreamSourceConfig config = StreamSourceConfig.builder("Thrower", "bisected")
                .startingPosition(StartingPosition.TRIM_HORIZON)
                .batchSize(10)
                .bisectBatchOnFunctionError(true)
                .maximumRetryAttempts(2)
                .pollInterval(Duration.ofMillis(50))
                .build();

        try (DynamoDbStreamSource source = source(config)) {
            assertThat(TestApp.await(WAIT, () -> source.handledRecords() == 4)).isTrue();

            assertThat(batchesOfIds("Thrower"))
                    .containsExactly(
                            List.of("item-1", "item-2", "item-3", "item-4"),
                            List.of("item-1", "item-2"),
                            List.of("item-3", "item-4"),
                            List.of("item-3"),
                            List.of("item-4"));
            assertThat(source.failures()).singleElement().satisfies(f -> {
                assertThat(f.records()).singleElement().asString().contains("\"item-3\"");
                assertThat(f.attempts()).isEqualTo(3);
                assertThat(f.errorType()).isEqualTo("java.lang.IllegalStateException");
            });
            assertThat(source.invocations()).isEqualTo(5);
        }
    }

    @Test
    void filterCriteria_keysPattern_onlyMatchingRecordsInOrderInLambdasShape() throws Exception {
        table("filtered");
        StreamSourceConfig config = StreamSourceConfig.builder("Recorder", "filtered")
                .startingPosition(StartingPosition.LATEST)
                .batchSize(10)
                .filterPatterns(List.of("{\"dynamodb\":{\"Keys\":{\"id\":{\"S\":[\"a\"]}}}}"))
                .pollInterval(Duration.ofMillis(50))
                .build();

        try (DynamoDbStreamSource source = source(config)) {
            put("filtered", "a", false);
            put("filtered", "b", false);
            dynamo.updateItem(b -> b.tableName("filtered")
                    .key(Map.of("id", AttributeValue.fromS("a")))
                    .updateExpression("SET #s = :s")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("SHIPPED"))));
            dynamo.deleteItem(b -> b.tableName("filtered").key(Map.of("id", AttributeValue.fromS("a"))));
            assertThat(TestApp.await(WAIT, () -> source.handledRecords() == 4)).isTrue();

            List<JsonNode> records = records("Recorder");
            assertThat(records)
                    .extracting(r -> r.path("eventName").asText())
                    .containsExactly("INSERT", "MODIFY", "REMOVE");
            assertThat(records).allSatisfy(r -> {
                assertThat(r.path("eventID").asText()).isNotBlank();
                assertThat(r.path("eventVersion").asText()).isEqualTo("1.1");
                assertThat(r.path("eventSource").asText()).isEqualTo("aws:dynamodb");
                assertThat(r.path("awsRegion").asText()).isEqualTo("us-east-1");
                assertThat(r.path("eventSourceARN").asText()).isEqualTo(source.streamArn());
                assertThat(r.at("/dynamodb/Keys/id/S").asText()).isEqualTo("a");
                assertThat(r.at("/dynamodb/StreamViewType").asText()).isEqualTo("NEW_AND_OLD_IMAGES");
                assertThat(r.at("/dynamodb/SizeBytes").asLong()).isPositive();
                assertThat(r.at("/dynamodb/ApproximateCreationDateTime").isNumber())
                        .isTrue();
            });
            assertThat(records.get(0).at("/dynamodb/NewImage/poison").isMissingNode())
                    .isTrue();
            assertThat(records.get(0).at("/dynamodb/NewImage/id/S").asText()).isEqualTo("a");
            assertThat(records.get(0).at("/dynamodb/OldImage").isMissingNode()).isTrue();
            assertThat(records.get(1).at("/dynamodb/OldImage/status").isMissingNode())
                    .isTrue();
            assertThat(records.get(1).at("/dynamodb/NewImage/status/S").asText())
                    .isEqualTo("SHIPPED");
            assertThat(records.get(2).at("/dynamodb/NewImage").isMissingNode()).isTrue();
            assertThat(records.get(2).at("/dynamodb/OldImage/status/S").asText())
                    .isEqualTo("SHIPPED");
            assertThat(records)
                    .extracting(r -> r.at("/dynamodb/SequenceNumber").asText())
                    .isSortedAccordingTo((x, y) -> new BigInteger(x).compareTo(new BigInteger(y)));
            assertThat(source.failures()).isEmpty();
        }
    }

    @Test
    void maximumBatchingWindow_threeQuickWrites_oneBatch() throws Exception {
        table("windowed");
        StreamSourceConfig config = StreamSourceConfig.builder("Windowed", "windowed")
                .startingPosition(StartingPosition.LATEST)
                .batchSize(10)
                .maximumBatchingWindow(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(50))
                .build();

        try (DynamoDbStreamSource source = source(config)) {
            put("windowed", "w1", false);
            put("windowed", "w2", false);
            put("windowed", "w3", false);
            assertThat(TestApp.await(WAIT, () -> source.handledRecords() == 3)).isTrue();

            assertThat(batchesOfIds("Windowed")).containsExactly(List.of("w1", "w2", "w3"));
        }
    }

    @Test
    void start_tableWithoutStream_failsNamingTheTableAndStreamSpecification() {
        dynamo.createTable(b -> b.tableName("streamless")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        DynamoDbStreamSource source = new DynamoDbStreamSource(
                engine.endpoint(),
                "us-east-1",
                StreamSourceConfig.builder("Recorder", "streamless").build(),
                functions,
                lines::add);

        assertThatThrownBy(source::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Table streamless has no stream")
                .hasMessageContaining("StreamSpecification");
        source.close();
    }

    @Test
    void config_valuesOutsideLambdasLimits_refusedNamingTheProperty() {
        assertThatThrownBy(
                        () -> StreamSourceConfig.builder("f", "t").batchSize(0).build())
                .hasMessageContaining("BatchSize must be 1-10000, was 0");
        assertThatThrownBy(() -> StreamSourceConfig.builder("f", "t")
                        .maximumRecordAge(Duration.ofSeconds(30))
                        .build())
                .hasMessageContaining("MaximumRecordAgeInSeconds must be -1 or 60-604800, was 30");
        assertThatThrownBy(() -> StreamSourceConfig.builder("f", "t")
                        .maximumRetryAttempts(-2)
                        .build())
                .hasMessageContaining("MaximumRetryAttempts");
        assertThatThrownBy(() -> StreamSourceConfig.builder("f", "t")
                        .maximumBatchingWindow(Duration.ofSeconds(301))
                        .build())
                .hasMessageContaining("MaximumBatchingWindowInSeconds must be 0-300, was 301");
        assertThatThrownBy(() -> new DynamoDbStreamSource(
                        engine.endpoint(),
                        "us-east-1",
                        StreamSourceConfig.builder("f", "t")
                                .filterPatterns(List.of("{\"eventName\":\"INSERT\"}"))
                                .build(),
                        functions,
                        lines::add))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid FilterCriteria pattern");
    }

    private DynamoDbStreamSource source(StreamSourceConfig config) {
        return new DynamoDbStreamSource(engine.endpoint(), "us-east-1", config, functions, lines::add).start();
    }

    private static void table(String name) {
        dynamo.createTable(b -> b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    private static void put(String table, String id, boolean poison) {
        Map<String, AttributeValue> item = poison
                ? Map.of("id", AttributeValue.fromS(id), "poison", AttributeValue.fromBool(true))
                : Map.of("id", AttributeValue.fromS(id));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private static List<List<String>> batchesOfIds(String function) throws Exception {
        List<List<String>> batches = new ArrayList<>();
        for (String event : TestApp.events(dir, function)) {
            List<String> ids = new ArrayList<>();
            JSON.readTree(event)
                    .path("Records")
                    .forEach(r -> ids.add(r.at("/dynamodb/Keys/id/S").asText()));
            batches.add(ids);
        }
        return batches;
    }

    private static List<JsonNode> records(String function) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (String event : TestApp.events(dir, function)) {
            JSON.readTree(event).path("Records").forEach(records::add);
        }
        return records;
    }
}
