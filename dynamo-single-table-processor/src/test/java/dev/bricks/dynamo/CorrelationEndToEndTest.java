package dev.bricks.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bricks.core.Correlation;
import dev.bricks.core.dynamodb.DynamoDbStreamHandler;
import dev.bricks.core.dynamodb.StreamRecord;
import dev.bricks.core.http.HttpHandler;
import dev.bricks.core.http.HttpRequest;
import dev.bricks.core.http.HttpResponse;
import dev.bricks.dynamo.model.Order;
import dev.bricks.dynamo.model.OrderSchema;
import dev.bricks.dynamo.model.OrderStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The correlation chain across a table: an HTTP request with {@code x-correlation-id} handled by a Bricks
 * {@link HttpHandler} writes an item through the repository; the engine's stream record of that write, handed to a
 * Bricks {@link DynamoDbStreamHandler} as Lambda would, is processed under the same correlation id.
 */
class CorrelationEndToEndTest {
    @RegisterExtension
    static final TestTables engine = new TestTables();

    static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void clear() {
        Correlation.clear();
    }

    /** The function under test: places an order from a POST. */
    static final class PlaceOrder extends HttpHandler {
        private final EntityRepository<Order> orders;

        PlaceOrder(DynamoTable table) {
            this.orders = table.repository(OrderSchema.SCHEMA);
        }

        @Override
        protected HttpResponse handle(HttpRequest request, Context context) {
            orders.create(Order.of("u1", "o1", OrderStatus.PAID, Instant.parse("2026-04-01T08:00:00Z")));
            return HttpResponse.status(201).build();
        }
    }

    /** The stream consumer: remembers the correlation id each record was processed under. */
    static final class Consumer extends DynamoDbStreamHandler {
        final List<String> seen = new ArrayList<>();
        private final String attribute;

        Consumer(String attribute) {
            this.attribute = attribute;
        }

        @Override
        protected String correlationAttribute() {
            return attribute;
        }

        @Override
        protected void handleRecord(StreamRecord record, Context context) {
            seen.add(Correlation.current().orElse("<none>"));
        }
    }

    @Test
    void httpRequestWithCorrelationId_write_streamHandlerSeesTheSameId() throws Exception {
        assertThat(chain(b -> b, new Consumer(Correlation.ITEM_ATTRIBUTE))).containsExactly("corr-e2e-1");
    }

    @Test
    void renamedAttribute_streamHandlerOverride_seesTheSameId() throws Exception {
        assertThat(chain(b -> b.correlationAttribute("cid"), new Consumer("cid")))
                .containsExactly("corr-e2e-1");
    }

    private List<String> chain(UnaryOperator<DynamoTable.Builder> options, Consumer consumer) throws Exception {
        TableDefinition def = TableDefinition.derive("Stream" + System.nanoTime(), OrderSchema.SCHEMA);
        engine.client.createTable(def.toCreateTableRequest().toBuilder()
                .streamSpecification(StreamSpecification.builder()
                        .streamEnabled(true)
                        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
                        .build())
                .build());
        DynamoTable table =
                options.apply(DynamoTable.builder(engine.client, def)).build();

        String response = invoke(new PlaceOrder(table), httpEvent("corr-e2e-1"));
        assertThat(JSON.readTree(response).path("statusCode").asInt()).isEqualTo(201);
        assertThat(Correlation.current()).isEmpty();

        invoke(consumer, streamEvent(def.name()));
        return consumer.seen;
    }

    private static String invoke(RequestStreamHandler handler, String event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String httpEvent(String correlationId) {
        return """
        {"version": "2.0", "routeKey": "POST /order", "rawPath": "/order", "rawQueryString": "",
         "headers": {"content-type": "application/json", "x-correlation-id": "%s"},
         "requestContext": {"http": {"method": "POST", "path": "/order", "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1",
           "userAgent": "test"}, "requestId": "r1", "routeKey": "POST /order", "stage": "$default"},
         "body": "{}", "isBase64Encoded": false}
        """.formatted(correlationId);
    }

    /** The table's stream records as Lambda delivers them to a function. */
    private static String streamEvent(String tableName) throws IOException {
        try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                .endpointOverride(engine.db.endpoint())
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            String arn = engine.client
                    .describeTable(b -> b.tableName(tableName))
                    .table()
                    .latestStreamArn();
            var shard = streams.describeStream(b -> b.streamArn(arn))
                    .streamDescription()
                    .shards()
                    .get(0);
            String it = streams.getShardIterator(b ->
                            b.streamArn(arn).shardId(shard.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            ObjectNode event = JSON.createObjectNode();
            ArrayNode records = event.putArray("Records");
            for (Record r : streams.getRecords(b -> b.shardIterator(it)).records()) {
                ObjectNode rec = records.addObject();
                rec.put("eventID", r.eventID())
                        .put("eventName", r.eventNameAsString())
                        .put("eventVersion", "1.1")
                        .put("eventSource", "aws:dynamodb")
                        .put("awsRegion", "us-east-1")
                        .put("eventSourceARN", arn);
                ObjectNode ddb = rec.putObject("dynamodb");
                ddb.set("Keys", image(r.dynamodb().keys()));
                if (r.dynamodb().hasNewImage()) {
                    ddb.set("NewImage", image(r.dynamodb().newImage()));
                }
                ddb.put("SequenceNumber", r.dynamodb().sequenceNumber())
                        .put("SizeBytes", r.dynamodb().sizeBytes())
                        .put("StreamViewType", r.dynamodb().streamViewTypeAsString());
            }
            return JSON.writeValueAsString(event);
        }
    }

    private static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode m = JSON.createObjectNode();
        item.forEach((k, v) -> m.set(k, value(v)));
        return m;
    }

    /** DynamoDB JSON of the value types the test entity uses. */
    private static ObjectNode value(AttributeValue v) {
        ObjectNode n = JSON.createObjectNode();
        switch (v.type()) {
            case S -> n.put("S", v.s());
            case N -> n.put("N", v.n());
            case BOOL -> n.put("BOOL", v.bool());
            case NUL -> n.put("NULL", true);
            case L -> v.l().forEach(e -> n.withArray("L").add(value(e)));
            case M -> n.set("M", image(v.m()));
            case SS -> v.ss().forEach(e -> n.withArray("SS").add(e));
            default -> throw new IllegalArgumentException("Unexpected attribute type in the test item: " + v.type());
        }
        return n;
    }
}
