package dev.bricks.benchmarks.dynamo;

import dev.bricks.dynamo.DynamoTable;
import dev.bricks.dynamo.EntityRepository;
import dev.bricks.dynamo.TableDefinition;
import dev.bricks.local.dynamodb.LocalDynamoDb;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * One put + one get + one query (first page of a 10-item partition) per operation, against the same local engine,
 * in process ({@code transport=inprocess}: the SDK's whole request path, no socket) or over HTTP
 * ({@code transport=http}): through the Bricks repository, the bare low-level client with hand-written maps, and the
 * enhanced client with a bean schema. The difference is the repository's own cost. The engine's JDK HTTP server runs
 * with {@code sun.net.httpserver.nodelay=true}; without it every response waits ~40 ms for a delayed ACK (Nagle).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
@State(Scope.Benchmark)
public class RepositoryOverheadBenchmark {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    LocalDynamoDb db;
    DynamoDbClient client;
    EntityRepository<Item> repo;
    DynamoDbTable<ItemBean> enhanced;
    String table;
    int n;

    /** {@code inprocess} or {@code http}. */
    @Param({"inprocess", "http"})
    public String transport = "inprocess";

    @Setup(Level.Trial)
    public void setUp() {
        db = LocalDynamoDb.start();
        client = DynamoDbClient.builder()
                .endpointOverride(db.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .httpClient(transport.equals("http") ? UrlConnectionHttpClient.create() : db.httpClient())
                .build();
        TableDefinition def = TableDefinition.derive("Bench", ItemSchema.SCHEMA);
        table = def.name();
        client.createTable(def.toCreateTableRequest());
        DynamoTable t = DynamoTable.builder(client, def)
                .cursorKey("benchmark-cursor-key-0123456789ab".getBytes(StandardCharsets.UTF_8))
                .build();
        repo = t.repository(ItemSchema.SCHEMA);
        enhanced = DynamoDbEnhancedClient.builder()
                .dynamoDbClient(client)
                .build()
                .table(table, TableSchema.fromBean(ItemBean.class));
        for (int i = 0; i < 10; i++) {
            repo.put(item("owner-q", "q" + i));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        db.close();
    }

    static Item item(String owner, String id) {
        return new Item(
                owner,
                id,
                "Name " + id,
                Item.Status.PAID,
                new BigDecimal("12.5"),
                3,
                List.of("A", "B"),
                Set.of("x"),
                Map.of("A", 1),
                T0);
    }

    private String nextId() {
        return "i" + (n++ % 1000);
    }

    @Benchmark
    public Object repository() {
        String id = nextId();
        repo.put(item("owner-1", id));
        Item got = repo.get(ItemSchema.key("owner-1", id)).orElseThrow();
        List<Item> page = repo.query(ItemSchema.partition("owner-q")).execute().items();
        return page.size() + got.quantity();
    }

    @Benchmark
    public Object lowLevelHandWritten() {
        String id = nextId();
        Map<String, AttributeValue> item = RequestCodecBenchmark.handMap("owner-1", id);
        client.putItem(PutItemRequest.builder().tableName(table).item(item).build());
        Map<String, AttributeValue> got = client.getItem(GetItemRequest.builder()
                        .tableName(table)
                        .key(Map.of(
                                "PK", AttributeValue.fromS("OWNER#owner-1"), "SK", AttributeValue.fromS("ITEM#" + id)))
                        .build())
                .item();
        int quantity = Integer.parseInt(got.get("quantity").n());
        List<Map<String, AttributeValue>> page = client.query(QueryRequest.builder()
                        .tableName(table)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                        .filterExpression("EntityType = :t")
                        .expressionAttributeValues(Map.of(
                                ":pk",
                                AttributeValue.fromS("OWNER#owner-q"),
                                ":sk",
                                AttributeValue.fromS("ITEM#"),
                                ":t",
                                AttributeValue.fromS("ITEM")))
                        .build())
                .items();
        return page.size() + quantity;
    }

    @Benchmark
    public Object enhancedClientBean() {
        String id = nextId();
        ItemBean b = new ItemBean();
        b.setPk("OWNER#owner-1");
        b.setSk("ITEM#" + id);
        b.setGsi1pk("STATUS#PAID");
        b.setGsi1sk(T0.toString());
        b.setEntityType("ITEM");
        b.setOwner("owner-1");
        b.setId(id);
        b.setName("Name " + id);
        b.setStatus(Item.Status.PAID);
        b.setPrice(new BigDecimal("12.5"));
        b.setQuantity(3);
        b.setSkus(List.of("A", "B"));
        b.setTags(Set.of("x"));
        b.setCounts(Map.of("A", 1));
        b.setCreatedAt(T0);
        enhanced.putItem(b);
        ItemBean got = enhanced.getItem(Key.builder()
                .partitionValue("OWNER#owner-1")
                .sortValue("ITEM#" + id)
                .build());
        List<ItemBean> page = enhanced.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                                .partitionValue("OWNER#owner-q")
                                .sortValue("ITEM#")
                                .build()))
                        .build())
                .iterator()
                .next()
                .items();
        return page.size() + got.getQuantity();
    }
}
