package dev.bricks.local.app;

import static dev.bricks.local.app.fixtures.AppClients.dynamo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bricks.local.app.fixtures.AppClients;
import dev.bricks.local.app.fixtures.TestFunctionZips;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 15's crash case, end to end: a function using bricks-idempotency runs in a real function JVM behind the
 * local HTTP API; its JVM is SIGKILLed right after the IN_PROGRESS record is written (before the effect and the
 * completion). A retry before the in-progress deadline gets 409; the retry after it runs the effect once; a
 * later duplicate is replayed. The function's timeout (45 s) bounds the in-progress record; it is long because the
 * early retry is a cold start on a shared, loaded build machine and must land inside it. The second function writes
 * in the record's transaction ({@code respondInTransaction}): killed right after that commit, its retry is replayed
 * at once, without a second write.
 */
class IdempotencyCrashTest {

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              AppTable:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: crash-app
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions:
                    - {AttributeName: PK, AttributeType: S}
                    - {AttributeName: SK, AttributeType: S}
                  KeySchema: [{AttributeName: PK, KeyType: HASH}, {AttributeName: SK, KeyType: RANGE}]
                  TimeToLiveSpecification: {AttributeName: ttl, Enabled: true}
              OrderFn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: java17
                  CodeUri: fn.zip
                  Handler: dev.bricks.local.app.fixtures.IdempotentOrderHandler::handleRequest
                  MemorySize: 512
                  Timeout: 45
                  Environment: {Variables: {TABLE: !Ref AppTable}}
                  Events:
                    Place: {Type: HttpApi, Properties: {Path: /orders, Method: POST}}
              TxOrderFn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: java17
                  CodeUri: fn.zip
                  Handler: dev.bricks.local.app.fixtures.TransactionalOrderHandler::handleRequest
                  MemorySize: 512
                  Timeout: 45
                  Environment: {Variables: {TABLE: !Ref AppTable}}
                  Events:
                    Place: {Type: HttpApi, Properties: {Path: /tx-orders, Method: POST}}
            """;

    static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();

    @RegisterExtension
    static final LocalAppExtension APP = LocalAppExtension.of(
            template(),
            LocalAppOptions.builder()
                    .logs(new PrintStream(LOG, true, StandardCharsets.UTF_8))
                    .colour(false)
                    .build());

    static Path template() {
        try {
            Path dir = Files.createTempDirectory("bricks-idempotency-crash");
            TestFunctionZips.write(dir.resolve("fn.zip"), "v1", IdempotencyCrashTest::functionLibrary);
            return AppClients.writeTemplate(dir, TEMPLATE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** bricks-core, -dynamo-single-table, -idempotency and what they need at run time (the SDK, Jackson). */
    static boolean functionLibrary(String entry) {
        return entry.contains("/software/amazon/")
                || entry.contains("reactive-streams")
                || entry.contains("slf4j-api")
                || entry.contains("/com/fasterxml/jackson/")
                || entry.contains("/org/crac/")
                || entry.matches(".*/(core|dynamo-single-table|idempotency)/target/classes")
                || entry.matches(".*/bricks-(core|dynamo-single-table|idempotency)-[^/]*\\.jar");
    }

    static HttpResponse<String> placeOrder(LocalApp app, String key) throws Exception {
        return post(app, "/orders", key);
    }

    static HttpResponse<String> post(LocalApp app, String path, String key) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(app.url(path))
                                .timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", key)
                                .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"A-1\",\"quantity\":2}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** OrderFn's idempotency records on the table (a test-side scan; the library itself never scans). */
    static List<Map<String, AttributeValue>> idempotencyRecords(DynamoDbClient dynamo) {
        return dynamo.scan(b -> b.tableName("crash-app")
                        .filterExpression("begins_with(PK, :p)")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("IDEMPOTENCY#placeOrder#"))))
                .items();
    }

    static int effectRuns(DynamoDbClient dynamo, String key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName("crash-app")
                        .key(Map.of("PK", AttributeValue.fromS("EFFECT#" + key), "SK", AttributeValue.fromS("EFFECT"))))
                .item();
        return item.isEmpty() ? 0 : Integer.parseInt(item.get("runs").n());
    }

    @Test
    void once_jvmKilledAfterInProgressRecord_retryBeforeDeadlineIs409AndAfterItRunsTheEffectOnce(
            LocalApp app, FaultInjection faults) throws Exception {
        var kill = faults.killWhen(
                "OrderFn", call -> call.committedWrite() && call.operation().equals("PutItem"));

        HttpResponse<String> crashed = placeOrder(app, "order-1");

        assertThat(crashed.statusCode()).as("the sandbox died mid-invocation").isEqualTo(500);
        KilledEnvironments killed = kill.get(10, TimeUnit.SECONDS);
        assertThat(killed.after().tables()).containsExactly("crash-app");
        try (DynamoDbClient dynamo = dynamo(app.endpoints())) {
            Map<String, AttributeValue> record =
                    idempotencyRecords(dynamo).stream().findFirst().orElseThrow();
            assertThat(record.get("_idempotency_status").s()).isEqualTo("IN_PROGRESS");
            long deadline =
                    Long.parseLong(record.get("_idempotency_in_progress_until").n());
            assertThat(effectRuns(dynamo, "order-1")).isZero();

            HttpResponse<String> early = placeOrder(app, "order-1");

            assertThat(System.currentTimeMillis())
                    .as("the early retry (a cold start) answered before the in-progress deadline")
                    .isLessThan(deadline);
            assertThat(early.statusCode()).isEqualTo(409);
            assertThat(early.body()).contains("idempotency-in-progress");
            assertThat(effectRuns(dynamo, "order-1")).isZero();

            Thread.sleep(Math.max(0, deadline - System.currentTimeMillis()) + 200);
            HttpResponse<String> retried = placeOrder(app, "order-1");
            HttpResponse<String> duplicate = placeOrder(app, "order-1");

            assertThat(retried.statusCode()).isEqualTo(201);
            assertThat(retried.headers().firstValue("Idempotency-Replayed")).isEmpty();
            assertThat(duplicate.statusCode()).isEqualTo(201);
            assertThat(duplicate.headers().firstValue("Idempotency-Replayed")).contains("true");
            assertThat(duplicate.body()).isEqualTo(retried.body());
            assertThat(effectRuns(dynamo, "order-1"))
                    .as("the effect ran exactly once")
                    .isEqualTo(1);
            assertThat(idempotencyRecords(dynamo))
                    .singleElement()
                    .satisfies(r -> assertThat(r.get("_idempotency_status").s()).isEqualTo("COMPLETED"));
        }
        assertThat(app.functions().coldStarts("OrderFn"))
                .as("killed JVM replaced")
                .isEqualTo(2);
    }

    /** The items {@code TransactionalOrderHandler} wrote for a key: its orders. */
    static List<Map<String, AttributeValue>> txOrders(DynamoDbClient dynamo, String key) {
        return dynamo.query(b -> b.tableName("crash-app")
                        .keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("TXORDER#" + key)))
                        .consistentRead(true))
                .items();
    }

    @Test
    void onceInTransaction_jvmKilledAfterTheCommit_retryAtOnceReplaysWithoutASecondWrite(
            LocalApp app, FaultInjection faults) throws Exception {
        var kill = faults.killAfterNextTransactWrite("TxOrderFn");

        HttpResponse<String> crashed = post(app, "/tx-orders", "tx-1");

        assertThat(crashed.statusCode()).as("the sandbox died after the commit").isEqualTo(500);
        kill.get(10, TimeUnit.SECONDS);
        try (DynamoDbClient dynamo = dynamo(app.endpoints())) {
            List<Map<String, AttributeValue>> orders = txOrders(dynamo, "tx-1");
            assertThat(orders).as("the order committed before the JVM died").hasSize(1);
            String orderId = orders.get(0).get("SK").s();

            HttpResponse<String> retried = post(app, "/tx-orders", "tx-1"); // no deadline to wait for

            assertThat(retried.statusCode()).isEqualTo(201);
            assertThat(retried.headers().firstValue("Idempotency-Replayed")).contains("true");
            assertThat(retried.body()).contains(orderId);
            assertThat(txOrders(dynamo, "tx-1")).as("no second order").hasSize(1);
        }
        assertThat(app.functions().coldStarts("TxOrderFn"))
                .as("killed JVM replaced")
                .isEqualTo(2);
    }
}
