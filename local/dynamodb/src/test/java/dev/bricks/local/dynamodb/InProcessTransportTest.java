package dev.bricks.local.dynamodb;

import static dev.bricks.local.dynamodb.Fixtures.item;
import static dev.bricks.local.dynamodb.Fixtures.n;
import static dev.bricks.local.dynamodb.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** SDK clients through {@link LocalDynamoDb#httpClient()} and {@link LocalDynamoDb#asyncHttpClient()}: no socket. */
class InProcessTransportTest {
    private static LocalDynamoDb db;
    private static DynamoDbClient client;
    private static DynamoDbAsyncClient async;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.start();
        client = DynamoDbClient.builder()
                .httpClient(db.httpClient())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .build();
        async = DynamoDbAsyncClient.builder()
                .httpClient(db.asyncHttpClient())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        async.close();
        db.close();
    }

    @Test
    void syncClient_itemsQueriesAndErrors_neverTouchTheHttpServer() {
        long before = db.httpRequestsServed();
        String table = Fixtures.table(client, true);
        for (int i = 0; i < 20; i++) {
            int k = i;
            client.putItem(b -> b.tableName(table).item(item("pk", "u", "sk", String.format("%02d", k), "v", k)));
        }
        assertThat(client.getItem(b -> b.tableName(table).key(item("pk", "u", "sk", "07")))
                        .item())
                .containsEntry("v", n(7));
        QueryResponse page = client.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("u")))
                .limit(15));
        assertThat(page.count()).isEqualTo(15);
        assertThat(page.lastEvaluatedKey()).containsEntry("sk", s("14"));
        assertThatThrownBy(() -> client.putItem(b -> b.tableName(table)
                        .item(item("pk", "u", "sk", "07"))
                        .conditionExpression("attribute_not_exists(pk)")))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> client.getItem(b -> b.tableName("missing").key(item("pk", "u"))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(db.httpRequestsServed()).isEqualTo(before);
    }

    @Test
    void asyncClient_putGetAndErrors_completeTheirFutures() {
        String table = Fixtures.table(client, false);
        async.putItem(b -> b.tableName(table).item(item("pk", "a", "v", 1))).join();
        assertThat(async.getItem(b -> b.tableName(table).key(item("pk", "a")))
                        .join()
                        .item())
                .containsEntry("v", n(1));
        assertThat(async.query(b -> b.tableName(table)
                                .keyConditionExpression("pk = :p")
                                .expressionAttributeValues(Map.of(":p", s("a"))))
                        .join()
                        .count())
                .isEqualTo(1);
        assertThatThrownBy(() -> async.putItem(b -> b.tableName(table)
                                .item(item("pk", "a"))
                                .conditionExpression("attribute_not_exists(pk)"))
                        .join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void streamsClient_inProcess_readsRecords() {
        String table = Fixtures.uniqueName("streamed");
        client.createTable(b -> b.tableName(table)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        client.putItem(b -> b.tableName(table).item(item("pk", "a", "v", 1)));
        try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                .httpClient(db.httpClient())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .build()) {
            String arn = client.describeTable(b -> b.tableName(table)).table().latestStreamArn();
            String shard = streams.describeStream(b -> b.streamArn(arn))
                    .streamDescription()
                    .shards()
                    .get(0)
                    .shardId();
            String iterator = streams.getShardIterator(
                            b -> b.streamArn(arn).shardId(shard).shardIteratorType("TRIM_HORIZON"))
                    .shardIterator();
            assertThat(streams.getRecords(b -> b.shardIterator(iterator)).records())
                    .hasSize(1)
                    .first()
                    .satisfies(r -> assertThat(r.dynamodb().newImage()).containsEntry("v", n(1)));
        }
    }

    @Test
    void closedEngine_failsCallsWithAClientException() {
        LocalDynamoDb other = LocalDynamoDb.start();
        try (DynamoDbClient c = DynamoDbClient.builder()
                .httpClient(other.httpClient())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
                .build()) {
            assertThat(c.listTables().tableNames()).isEmpty();
            other.close();
            assertThatThrownBy(c::listTables)
                    .isInstanceOf(SdkClientException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Nested
    class ExtensionTransports {
        @RegisterExtension
        static final LocalDynamoDbExtension IN_PROCESS = LocalDynamoDbExtension.perClass();

        @RegisterExtension
        static final LocalDynamoDbExtension OVER_HTTP =
                LocalDynamoDbExtension.perClass().transport(LocalDynamoDbExtension.Transport.HTTP);

        @Test
        void extension_defaultIsInProcess_httpIsOneOptionAway() {
            long before = IN_PROCESS.engine().httpRequestsServed();
            assertThat(IN_PROCESS.client().listTables().tableNames()).isEmpty();
            assertThat(IN_PROCESS.engine().httpRequestsServed()).isEqualTo(before);

            long httpBefore = OVER_HTTP.engine().httpRequestsServed();
            assertThat(OVER_HTTP.client().listTables().tableNames()).isEmpty();
            assertThat(OVER_HTTP.engine().httpRequestsServed()).isGreaterThan(httpBefore);
        }
    }
}
