package dev.bricks.benchmarks.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bricks.local.dynamodb.LocalDynamoDb;
import dev.bricks.local.eventbridge.LocalEventBridge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The real local engines, started in the harness's JVM: {@code bricks-local-dynamodb} (in memory) with the
 * functions' table, and {@code bricks-local-eventbridge} with a rule {@code {"source":["orders.app"],
 * "detail-type":["OrderPlaced"]}} whose target keeps every delivered envelope, so the same-behaviour check can
 * compare what each variant stored and published. Not thread-safe beyond the bus' own delivery threads.
 */
final class LocalEngines implements AutoCloseable {

    static final String CAPTURE_RULE = "coldstart-order-placed";
    static final String CAPTURE_PATTERN = "{\"source\":[\"orders.app\"],\"detail-type\":[\"OrderPlaced\"]}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalDynamoDb dynamoDb;
    private final LocalEventBridge eventBridge;
    private final DynamoDbClient reader;
    private final List<String> delivered = new ArrayList<>();

    private LocalEngines(String table) {
        dynamoDb = LocalDynamoDb.start();
        LocalEventBridge bus = null;
        try {
            bus = LocalEventBridge.builder().build().start();
            bus.addRule(CAPTURE_RULE, CAPTURE_PATTERN, e -> {
                synchronized (delivered) {
                    delivered.add(e.envelopeJson());
                }
            });
            Tables.ensureOrdersTable(dynamoDb.endpoint(), table);
        } catch (RuntimeException e) {
            dynamoDb.close();
            if (bus != null) {
                bus.close();
            }
            throw e;
        }
        eventBridge = bus;
        reader = DynamoDbClient.builder()
                .endpointOverride(dynamoDb.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** Starts both engines on free loopback ports and creates {@code table}. */
    static LocalEngines start(String table) {
        return new LocalEngines(table);
    }

    URI dynamoDbEndpoint() {
        return dynamoDb.endpoint();
    }

    URI eventBridgeEndpoint() {
        return eventBridge.endpoint();
    }

    /** The item under {@code pk}/{@code sk} as DynamoDB JSON with sorted attribute names, or JSON null when absent. */
    JsonNode item(String table, String pk, String sk) {
        Map<String, AttributeValue> item = reader.getItem(r -> r.tableName(table)
                        .consistentRead(true)
                        .key(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk))))
                .item();
        return item == null || item.isEmpty() ? JSON.nullNode() : toJson(item);
    }

    /** Waits for the bus to finish delivering, then returns (and forgets) the envelopes delivered so far. */
    List<JsonNode> drainDelivered() {
        try {
            if (!eventBridge.awaitDeliveries(Duration.ofSeconds(10))) {
                throw new IllegalStateException("the local bus did not finish delivering within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for deliveries", e);
        }
        List<JsonNode> out = new ArrayList<>();
        synchronized (delivered) {
            for (String s : delivered) {
                try {
                    out.add(JSON.readTree(s));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            delivered.clear();
        }
        return out;
    }

    static ObjectNode toJson(Map<String, AttributeValue> item) {
        ObjectNode out = JSON.createObjectNode();
        new TreeMap<>(item).forEach((k, v) -> out.set(k, toJson(v)));
        return out;
    }

    private static JsonNode toJson(AttributeValue v) {
        ObjectNode out = JSON.createObjectNode();
        switch (v.type()) {
            case S -> out.put("S", v.s());
            case N -> out.put("N", v.n());
            case BOOL -> out.put("BOOL", v.bool());
            case NUL -> out.put("NULL", true);
            case B -> out.put("B", v.b().asByteArray());
            case M -> out.set("M", toJson(v.m()));
            case L -> {
                ArrayNode list = out.putArray("L");
                v.l().forEach(e -> list.add(toJson(e)));
            }
            case SS -> v.ss().stream().sorted().forEach(out.putArray("SS")::add);
            case NS -> v.ns().stream().sorted().forEach(out.putArray("NS")::add);
            default -> out.put(v.type().toString(), v.toString());
        }
        return out;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } finally {
            try {
                eventBridge.close();
            } finally {
                dynamoDb.close();
            }
        }
    }
}
