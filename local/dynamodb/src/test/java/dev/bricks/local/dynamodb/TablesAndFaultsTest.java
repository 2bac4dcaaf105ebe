package dev.bricks.local.dynamodb;

import static dev.bricks.local.dynamodb.Fixtures.item;
import static dev.bricks.local.dynamodb.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class TablesAndFaultsTest {
    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = LocalDynamoDbExtension.perClass();

    final DynamoDbClient client = DYNAMO.client();

    @AfterEach
    void clearFaults() {
        DYNAMO.engine().faults().clear();
    }

    private DynamoDbClient noRetries() {
        return DynamoDbClient.builder()
                .endpointOverride(DYNAMO.engine().endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("a", "b")))
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    @Test
    void createTable_thenDescribeListDelete_lifecycle() {
        String name = Fixtures.table(client, true);

        var d = client.describeTable(b -> b.tableName(name)).table();
        assertThat(d.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(d.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("pk", "sk");
        assertThat(d.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(client.listTables().tableNames()).contains(name);
        client.waiter().waitUntilTableExists(b -> b.tableName(name));

        client.deleteTable(b -> b.tableName(name));
        assertThat(client.listTables().tableNames()).doesNotContain(name);
        assertThatThrownBy(() -> client.describeTable(b -> b.tableName(name)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Table: " + name + " not found");
    }

    @Test
    void createTable_twice_isResourceInUse() {
        String name = Fixtures.table(client, false);
        assertThatThrownBy(() -> client.createTable(b -> b.tableName(name)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(AttributeDefinition.builder()
                                .attributeName("pk")
                                .attributeType(ScalarAttributeType.S)
                                .build())
                        .keySchema(KeySchemaElement.builder()
                                .attributeName("pk")
                                .keyType(KeyType.HASH)
                                .build())))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageContaining("Table already exists: " + name);
    }

    @Test
    void createTable_unusedAttributeDefinition_isRejected() {
        assertThatThrownBy(() -> client.createTable(b -> b.tableName("bad-defs")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(
                                AttributeDefinition.builder()
                                        .attributeName("pk")
                                        .attributeType(ScalarAttributeType.S)
                                        .build(),
                                AttributeDefinition.builder()
                                        .attributeName("extra")
                                        .attributeType(ScalarAttributeType.S)
                                        .build())
                        .keySchema(KeySchemaElement.builder()
                                .attributeName("pk")
                                .keyType(KeyType.HASH)
                                .build())))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining(
                        "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
    }

    @Test
    void createTable_provisionedWithoutThroughput_isRejected() {
        assertThatThrownBy(() -> client.createTable(b -> b.tableName("bad-tp")
                        .attributeDefinitions(AttributeDefinition.builder()
                                .attributeName("pk")
                                .attributeType(ScalarAttributeType.S)
                                .build())
                        .keySchema(KeySchemaElement.builder()
                                .attributeName("pk")
                                .keyType(KeyType.HASH)
                                .build())))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining(
                        "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
    }

    @Test
    void listTables_paginates() {
        for (int i = 0; i < 3; i++) Fixtures.table(client, false);
        var first = client.listTables(b -> b.limit(2));

        assertThat(first.tableNames()).hasSize(2);
        assertThat(first.lastEvaluatedTableName()).isEqualTo(first.tableNames().get(1));
        List<String> all = new ArrayList<>();
        client.listTablesPaginator(b -> b.limit(2)).tableNames().forEach(all::add);
        assertThat(all).doesNotHaveDuplicates().isSorted().hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void updateTable_createGsi_backfillsAndServesQueries_thenDelete() {
        String name = Fixtures.table(client, false);
        client.putItem(b -> b.tableName(name).item(item("pk", "a", "email", "a@x")));
        client.updateTable(b -> b.tableName(name)
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("email")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                        .create(c -> c.indexName("byEmail")
                                .keySchema(KeySchemaElement.builder()
                                        .attributeName("email")
                                        .keyType(KeyType.HASH)
                                        .build())
                                .projection(p -> p.projectionType(ProjectionType.ALL)))
                        .build()));

        var r = client.query(b -> b.tableName(name)
                .indexName("byEmail")
                .keyConditionExpression("email = :e")
                .expressionAttributeValues(Map.of(":e", s("a@x"))));
        assertThat(r.items()).containsExactly(item("pk", "a", "email", "a@x"));

        client.updateTable(b -> b.tableName(name)
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                        .delete(d -> d.indexName("byEmail"))
                        .build()));
        assertThat(client.describeTable(b -> b.tableName(name)).table().hasGlobalSecondaryIndexes())
                .isFalse();
    }

    @Test
    void faults_failNextThrottling_failsExactlyThatManyCalls() {
        String name = Fixtures.table(client, false);
        DynamoDbClient once = noRetries();
        DYNAMO.engine().faults().failNext("PutItem", 2, Faults.Kind.THROTTLING);

        assertThatThrownBy(() -> once.putItem(b -> b.tableName(name).item(item("pk", "a"))))
                .isInstanceOf(ProvisionedThroughputExceededException.class);
        assertThatThrownBy(() -> once.putItem(b -> b.tableName(name).item(item("pk", "a"))))
                .isInstanceOf(ProvisionedThroughputExceededException.class);
        once.putItem(b -> b.tableName(name).item(item("pk", "a")));
        assertThat(client.getItem(b -> b.tableName(name).key(item("pk", "a"))).hasItem())
                .isTrue();
        once.close();
    }

    @Test
    void faults_internalError_isA500TheSdkRetries() {
        String name = Fixtures.table(client, false);
        DYNAMO.engine().faults().failNext("GetItem", 1, Faults.Kind.INTERNAL_ERROR);
        DynamoDbClient once = noRetries();

        assertThatThrownBy(() -> once.getItem(b -> b.tableName(name).key(item("pk", "a"))))
                .isInstanceOfSatisfying(
                        DynamoDbException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        DYNAMO.engine().faults().failNext("GetItem", 1, Faults.Kind.INTERNAL_ERROR);
        assertThat(client.getItem(b -> b.tableName(name).key(item("pk", "a"))).hasItem())
                .isFalse();
        once.close();
    }

    @Test
    void faults_fraction_failsAboutThatShareOfCalls() {
        String name = Fixtures.table(client, false);
        DynamoDbClient once = noRetries();
        DYNAMO.engine().faults().failFraction("GetItem", 0.5, Faults.Kind.THROTTLING);
        int failed = 0;
        for (int i = 0; i < 100; i++) {
            try {
                once.getItem(b -> b.tableName(name).key(item("pk", "a")));
            } catch (ProvisionedThroughputExceededException e) {
                failed++;
            }
        }
        once.close();
        assertThat(failed).isBetween(30, 70);
    }

    @Test
    void faults_unprocessed_returnsTheBatchToTheCaller() {
        String name = Fixtures.table(client, false);
        DYNAMO.engine().faults().failNext("BatchWriteItem", 1, Faults.Kind.UNPROCESSED);
        List<WriteRequest> writes = List.of(WriteRequest.builder()
                .putRequest(PutRequest.builder().item(item("pk", "a")).build())
                .build());

        var first = client.batchWriteItem(b -> b.requestItems(Map.of(name, writes)));
        var second = client.batchWriteItem(b -> b.requestItems(first.unprocessedItems()));

        assertThat(first.unprocessedItems().get(name)).hasSize(1);
        assertThat(second.unprocessedItems()).isEmpty();
        DYNAMO.engine().faults().failNext("BatchGetItem", 1, Faults.Kind.UNPROCESSED);
        var got = client.batchGetItem(b -> b.requestItems(
                Map.of(name, KeysAndAttributes.builder().keys(item("pk", "a")).build())));
        assertThat(got.unprocessedKeys().get(name).keys()).containsExactly(item("pk", "a"));
    }

    @Test
    void faults_builderArguments_areChecked() {
        assertThatThrownBy(() -> DYNAMO.engine().faults().failNext("PutItem", 1, Faults.Kind.UNPROCESSED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PutItem");
        assertThatThrownBy(() -> DYNAMO.engine().faults().failFraction("PutItem", 1.5, Faults.Kind.THROTTLING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
    }

    @Test
    void malformedRequests_neverCrashTheServer() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        String[] bodies = {"{", "[]", "{\"TableName\": 5}", "{\"TableName\":\"t\",\"Item\":{\"a\":{}}}", "null", ""};
        for (String body : bodies) {
            var res = http.send(
                    java.net.http.HttpRequest.newBuilder(DYNAMO.engine().endpoint())
                            .header("X-Amz-Target", "DynamoDB_20120810.PutItem")
                            .header("Content-Type", "application/x-amz-json-1.0")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).as(body).isEqualTo(400);
            assertThat(res.body()).as(body).contains("__type").doesNotContain("at dev.bricks");
        }
        var unknown = http.send(
                java.net.http.HttpRequest.newBuilder(DYNAMO.engine().endpoint())
                        .header("X-Amz-Target", "DynamoDB_20120810.Nope")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.body()).contains("UnknownOperationException");
        var huge = http.send(
                java.net.http.HttpRequest.newBuilder(DYNAMO.engine().endpoint())
                        .header("X-Amz-Target", "DynamoDB_20120810.PutItem")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x".repeat(17 * 1024 * 1024)))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("Request size exceeded");
        assertThat(client.listTables().tableNames()).isNotNull();
    }

    @Test
    void sequentialCalls_neverWaitForDelayedAcks() {
        // a response written in two TCP segments without TCP_NODELAY waits ~40 ms for the client's delayed ACK:
        // 50 calls would then take over 2 s
        String name = Fixtures.table(client, false);
        client.getItem(b -> b.tableName(name).key(item("pk", "warm")));
        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) client.getItem(b -> b.tableName(name).key(item("pk", "a")));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1500);
    }

    @Test
    void httpKeepAliveChunkedAndExpectContinue_areServed() throws Exception {
        try (java.net.Socket s = new java.net.Socket(
                DYNAMO.engine().endpoint().getHost(), DYNAMO.engine().port())) {
            var out = s.getOutputStream();
            var in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(s.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            String body = "{}";
            out.write(
                    ("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nExpect: 100-continue\r\n"
                                    + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n"
                                    + body + "\r\n0\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 100 Continue");
            in.readLine();
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            int length = 0;
            for (String h = in.readLine(); !h.isEmpty(); h = in.readLine()) {
                if (h.startsWith("Content-Length: ")) length = Integer.parseInt(h.substring(16));
            }
            char[] buf = new char[length];
            assertThat(in.read(buf, 0, length)).isEqualTo(length);
            assertThat(new String(buf)).startsWith("{\"TableNames\":[");
            out.write("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
        }
    }

    static void unused(SdkException e) {}
}
