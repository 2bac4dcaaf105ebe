package dev.bricks.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.core.http.HttpHandler;
import dev.bricks.core.http.HttpMethod;
import dev.bricks.core.http.HttpRequest;
import dev.bricks.core.http.HttpResponse;
import dev.bricks.core.http.Route;
import dev.bricks.dynamo.Condition;
import dev.bricks.dynamo.DynamoTable;
import dev.bricks.dynamo.TableDefinition;
import dev.bricks.local.dynamodb.LocalDynamoDbExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An HTTP route made idempotent, invoked with API Gateway events as Lambda delivers them. */
class HttpIdempotencyTest {

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = LocalDynamoDbExtension.perClass();

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The route under test: places an order, once per Idempotency-Key. */
    static final class Orders extends HttpHandler {
        final AtomicInteger placed = new AtomicInteger();
        final HttpIdempotency idempotent;
        volatile CountDownLatch hold = new CountDownLatch(0);

        final DynamoTable table;

        Orders(Idempotency idempotency, DynamoTable table) {
            this.idempotent = new HttpIdempotency(idempotency);
            this.table = table;
        }

        @Route(method = HttpMethod.POST, path = "/order")
        HttpResponse place(HttpRequest request, Context context) {
            return idempotent.respond(request, context, () -> {
                int n = placed.incrementAndGet();
                hold.await(5, TimeUnit.SECONDS);
                return HttpResponse.created(Map.of("orderId", "o-" + n));
            });
        }

        /** Writes the order item in the transaction of the stored response; a body "fail" answers 503. */
        @Route(method = HttpMethod.POST, path = "/tx-order")
        HttpResponse placeInTransaction(HttpRequest request, Context context) {
            return idempotent.respondInTransaction(request, context, tx -> {
                String orderId = "o-" + placed.incrementAndGet();
                tx.putItem("ORDER", orderKey(table.definition(), orderId), Condition.notExists("PK"));
                if (request.bodyText().contains("fail")) {
                    return HttpResponse.status(503).build();
                }
                return HttpResponse.created(Map.of("orderId", orderId));
            });
        }
    }

    private DynamoDbClient client;
    private Orders orders;

    @BeforeEach
    void setUp() {
        client = Engine.client(DYNAMO.engine(), new Engine.CallCounter());
        DynamoTable table = DynamoTable.builder(client, Engine.table(client)).build();
        orders = new Orders(
                Idempotency.builder(client, table).namespace("placeOrder").build(), table);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void respond_sameKeySameBody_storedResponseReplayed() throws Exception {
        JsonNode first = post("key-1", "{\"sku\":\"A\",\"quantity\":1}");
        JsonNode second = post("key-1", "{\"sku\":\"A\",\"quantity\":1}");

        assertThat(first.get("statusCode").asInt()).isEqualTo(201);
        assertThat(second.get("statusCode").asInt()).isEqualTo(201);
        assertThat(JSON.readTree(second.get("body").asText()))
                .isEqualTo(JSON.readTree(first.get("body").asText()))
                .isEqualTo(JSON.readTree("{\"orderId\":\"o-1\"}"));
        assertThat(second.at("/headers/Idempotency-Replayed").asText()).isEqualTo("true");
        assertThat(first.at("/headers/Idempotency-Replayed").isMissingNode()).isTrue();
        assertThat(orders.placed).hasValue(1);
    }

    @Test
    void respond_sameKeyOtherBody_422Problem() throws Exception {
        post("key-2", "{\"sku\":\"A\",\"quantity\":1}");

        JsonNode response = post("key-2", "{\"sku\":\"A\",\"quantity\":5}");

        assertThat(response.get("statusCode").asInt()).isEqualTo(422);
        JsonNode problem = JSON.readTree(response.get("body").asText());
        assertThat(problem.get("type").asText()).isEqualTo("https://bricks.dev/problems#idempotency-key-reused");
        assertThat(problem.get("detail").asText()).contains("was used before with another payload");
        assertThat(orders.placed).hasValue(1);
    }

    @Test
    void respond_duplicateWhileFirstInProgress_409Problem() throws Exception {
        orders.hold = new CountDownLatch(1);
        CompletableFuture<JsonNode> first = CompletableFuture.supplyAsync(() -> {
            try {
                return post("key-3", "{}");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        while (orders.placed.get() == 0) {
            Thread.sleep(5);
        }

        JsonNode duplicate = post("key-3", "{}");
        orders.hold.countDown();

        assertThat(duplicate.get("statusCode").asInt()).isEqualTo(409);
        assertThat(JSON.readTree(duplicate.get("body").asText()).get("type").asText())
                .isEqualTo("https://bricks.dev/problems#idempotency-in-progress");
        assertThat(first.get(10, TimeUnit.SECONDS).get("statusCode").asInt()).isEqualTo(201);
        assertThat(orders.placed).hasValue(1);
    }

    @Test
    void respond_noKeyHeader_400Problem() throws Exception {
        JsonNode response = post(null, "{}");

        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(JSON.readTree(response.get("body").asText()).get("type").asText())
                .isEqualTo("https://bricks.dev/problems#idempotency-key-missing");
        assertThat(orders.placed).hasValue(0);
    }

    static Map<String, AttributeValue> orderKey(TableDefinition table, String orderId) {
        return Map.of(
                table.pkAttribute(), AttributeValue.fromS("ORDER#" + orderId),
                table.skAttribute(), AttributeValue.fromS("ORDER"));
    }

    private boolean orderExists(String orderId) {
        return client.getItem(b -> b.tableName(orders.table.name())
                        .key(orderKey(orders.table.definition(), orderId))
                        .consistentRead(true))
                .hasItem();
    }

    @Test
    void respondInTransaction_sameKeySameBody_writtenOnceAndResponseReplayed() throws Exception {
        JsonNode first = post("/tx-order", "key-5", "{}");
        JsonNode second = post("/tx-order", "key-5", "{}");

        assertThat(first.get("statusCode").asInt()).isEqualTo(201);
        assertThat(second.get("statusCode").asInt()).isEqualTo(201);
        assertThat(second.get("body").asText())
                .isEqualTo(first.get("body").asText())
                .contains("\"o-1\"");
        assertThat(second.at("/headers/Idempotency-Replayed").asText()).isEqualTo("true");
        assertThat(orders.placed).hasValue(1);
        assertThat(orderExists("o-1")).isTrue();
    }

    @Test
    void respondInTransaction_5xxResponse_transactionNotExecutedAndKeyReleased() throws Exception {
        JsonNode first = post("/tx-order", "key-6", "{\"fail\":true}");
        JsonNode retry = post("/tx-order", "key-6", "{\"fail\":true}");

        assertThat(first.get("statusCode").asInt()).isEqualTo(503);
        assertThat(retry.get("statusCode").asInt()).isEqualTo(503);
        assertThat(retry.at("/headers/Idempotency-Replayed").isMissingNode()).isTrue();
        assertThat(orders.placed).as("the route ran again").hasValue(2);
        assertThat(orderExists("o-1")).isFalse();
        assertThat(orderExists("o-2")).isFalse();
    }

    private JsonNode post(String key, String body) throws IOException {
        return post("/order", key, body);
    }

    private JsonNode post(String path, String key, String body) throws IOException {
        String headers =
                "\"content-type\":\"application/json\"" + (key == null ? "" : ",\"idempotency-key\":\"" + key + "\"");
        String event = """
                {"version":"2.0","routeKey":"POST %s","rawPath":"%s","rawQueryString":"",
                 "headers":{%s},
                 "requestContext":{"http":{"method":"POST","path":"%s","protocol":"HTTP/1.1","sourceIp":"127.0.0.1"},
                   "requestId":"r-1","routeKey":"POST %s","stage":"$default"},
                 "body":%s,"isBase64Encoded":false}
                """.formatted(path, path, headers, path, path, JSON.writeValueAsString(body));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        orders.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }
}
