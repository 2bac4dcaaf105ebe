package dev.bricks.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The console's view of the app's tables through the local DynamoDB's own API: describe, scan with a limit,
 * query by partition key; items as plain JSON (numbers as numbers, sets as arrays, binary as base64), redacted.
 * The SDK client is created on first use, so it costs nothing at start. Thread-safe.
 */
final class TableBrowser implements AutoCloseable {

    /** Items returned at most per call. */
    static final int MAX_LIMIT = 500;

    private final URI endpoint;
    private final List<String> tables;
    private final Redaction redaction;
    private DynamoDbClient client;

    TableBrowser(URI endpoint, List<String> tables, Redaction redaction) {
        this.endpoint = endpoint;
        this.tables = List.copyOf(tables);
        this.redaction = redaction;
    }

    List<String> tables() {
        return tables;
    }

    private synchronized DynamoDbClient client() {
        if (client == null) {
            client = DynamoDbClient.builder()
                    .endpointOverride(endpoint)
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }
        return client;
    }

    /** The table's keys and item count. */
    ObjectNode describe(String table) {
        TableDescription t = client().describeTable(b -> b.tableName(table)).table();
        ObjectNode n = Redaction.JSON.createObjectNode();
        n.put("name", t.tableName());
        n.put("itemCount", t.itemCount());
        for (KeySchemaElement k : t.keySchema()) {
            n.put(k.keyType() == KeyType.HASH ? "partitionKey" : "sortKey", k.attributeName());
        }
        n.put(
                "stream",
                t.streamSpecification() != null
                        && Boolean.TRUE.equals(t.streamSpecification().streamEnabled()));
        return n;
    }

    /**
     * Items of the table: those whose partition key is {@code partitionValue} when given, else a scan.
     *
     * @param limit 1-{@value #MAX_LIMIT}
     */
    ArrayNode items(String table, String partitionValue, int limit) {
        List<Map<String, AttributeValue>> items;
        if (partitionValue == null || partitionValue.isEmpty()) {
            items = client().scan(b -> b.tableName(table).limit(limit)).items();
        } else {
            TableDescription t = client().describeTable(b -> b.tableName(table)).table();
            String pk = t.keySchema().stream()
                    .filter(k -> k.keyType() == KeyType.HASH)
                    .findFirst()
                    .orElseThrow()
                    .attributeName();
            String type = t.attributeDefinitions().stream()
                    .filter(a -> a.attributeName().equals(pk))
                    .map(AttributeDefinition::attributeTypeAsString)
                    .findFirst()
                    .orElse("S");
            AttributeValue value = switch (type) {
                case "N" -> AttributeValue.fromN(partitionValue);
                case "B" ->
                    AttributeValue.fromB(
                            SdkBytes.fromByteArray(Base64.getDecoder().decode(partitionValue)));
                default -> AttributeValue.fromS(partitionValue);
            };
            items = client().query(b -> b.tableName(table)
                            .limit(limit)
                            .keyConditionExpression("#k = :v")
                            .expressionAttributeNames(Map.of("#k", pk))
                            .expressionAttributeValues(Map.of(":v", value)))
                    .items();
        }
        ArrayNode out = Redaction.JSON.createArrayNode();
        for (Map<String, AttributeValue> item : items) {
            ObjectNode n = Redaction.JSON.createObjectNode();
            item.forEach((k, v) -> n.set(k, plain(v)));
            out.add(redaction.redact(n));
        }
        return out;
    }

    static JsonNode plain(AttributeValue v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (v.type()) {
            case S -> f.textNode(v.s());
            case N -> f.numberNode(new BigDecimal(v.n()));
            case BOOL -> f.booleanNode(v.bool());
            case NUL -> f.nullNode();
            case B -> f.textNode(Base64.getEncoder().encodeToString(v.b().asByteArray()));
            case SS -> {
                ArrayNode a = f.arrayNode();
                v.ss().forEach(a::add);
                yield a;
            }
            case NS -> {
                ArrayNode a = f.arrayNode();
                v.ns().forEach(n -> a.add(new BigDecimal(n)));
                yield a;
            }
            case BS -> {
                ArrayNode a = f.arrayNode();
                v.bs().forEach(b -> a.add(Base64.getEncoder().encodeToString(b.asByteArray())));
                yield a;
            }
            case L -> {
                ArrayNode a = f.arrayNode();
                v.l().forEach(e -> a.add(plain(e)));
                yield a;
            }
            case M -> {
                ObjectNode o = f.objectNode();
                v.m().forEach((k, e) -> o.set(k, plain(e)));
                yield o;
            }
            case UNKNOWN_TO_SDK_VERSION -> f.nullNode();
        };
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
