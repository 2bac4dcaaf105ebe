package dev.bricks.benchmarks.dynamo;

import dev.bricks.dynamo.DynamoTable;
import dev.bricks.dynamo.EntityRepository;
import dev.bricks.dynamo.TableDefinition;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The repository's own CPU cost with the network taken out: build a put and a query request and decode an
 * 11-item result (a get and a 10-item page), via the repository (dry run + decode) vs. hand-written maps and
 * hand-written unmarshalling. Nothing is sent (the client points at a closed port and is never called).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class RequestCodecBenchmark {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    DynamoDbClient client;
    EntityRepository<Item> repo;
    List<Map<String, AttributeValue>> page;
    int n;

    @Setup
    public void setUp() {
        client = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        repo = DynamoTable.builder(client, TableDefinition.derive("Bench", ItemSchema.SCHEMA))
                .build()
                .repository(ItemSchema.SCHEMA);
        page = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            page.add(handMap("owner-q", "q" + i));
        }
    }

    @TearDown
    public void tearDown() {
        client.close();
    }

    static Map<String, AttributeValue> handMap(String owner, String id) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS("OWNER#" + owner));
        item.put("SK", AttributeValue.fromS("ITEM#" + id));
        item.put("GSI1PK", AttributeValue.fromS("STATUS#PAID"));
        item.put("GSI1SK", AttributeValue.fromS(T0.toString()));
        item.put("EntityType", AttributeValue.fromS("ITEM"));
        item.put("owner", AttributeValue.fromS(owner));
        item.put("id", AttributeValue.fromS(id));
        item.put("Name", AttributeValue.fromS("Name " + id));
        item.put("status", AttributeValue.fromS("PAID"));
        item.put("price", AttributeValue.fromN("12.5"));
        item.put("quantity", AttributeValue.fromN("3"));
        item.put("skus", AttributeValue.fromL(List.of(AttributeValue.fromS("A"), AttributeValue.fromS("B"))));
        item.put("tags", AttributeValue.fromSs(List.of("x")));
        item.put("counts", AttributeValue.fromM(Map.of("A", AttributeValue.fromN("1"))));
        item.put("createdAt", AttributeValue.fromS(T0.toString()));
        return item;
    }

    static Item handDecode(Map<String, AttributeValue> m) {
        if (!"ITEM".equals(m.get("EntityType").s())) {
            throw new IllegalStateException("not an item");
        }
        List<String> skus = new ArrayList<>();
        m.get("skus").l().forEach(v -> skus.add(v.s()));
        Map<String, Integer> counts = new HashMap<>();
        m.get("counts").m().forEach((k, v) -> counts.put(k, Integer.valueOf(v.n())));
        return new Item(
                m.get("owner").s(),
                m.get("id").s(),
                m.get("Name").s(),
                Item.Status.valueOf(m.get("status").s()),
                new BigDecimal(m.get("price").n()),
                Integer.valueOf(m.get("quantity").n()),
                skus,
                new HashSet<>(m.get("tags").ss()),
                counts,
                Instant.parse(m.get("createdAt").s()));
    }

    @Benchmark
    public Object repository() {
        String id = "i" + (n++ % 1000);
        Object put = repo.dryRun()
                .put(new Item(
                        "owner-1",
                        id,
                        "Name " + id,
                        Item.Status.PAID,
                        new BigDecimal("12.5"),
                        3,
                        List.of("A", "B"),
                        java.util.Set.of("x"),
                        Map.of("A", 1),
                        T0));
        Object query = repo.query(ItemSchema.partition("owner-q")).dryRun();
        int sum = 0;
        for (Map<String, AttributeValue> m : page) {
            sum += repo.decode(m).quantity();
        }
        return sum + put.hashCode() + query.hashCode();
    }

    @Benchmark
    public Object handWritten() {
        String id = "i" + (n++ % 1000);
        Object put = PutItemRequest.builder()
                .tableName("Bench")
                .item(handMap("owner-1", id))
                .build();
        Object query = QueryRequest.builder()
                .tableName("Bench")
                .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                .filterExpression("EntityType = :t")
                .expressionAttributeValues(Map.of(
                        ":pk",
                        AttributeValue.fromS("OWNER#owner-q"),
                        ":sk",
                        AttributeValue.fromS("ITEM#"),
                        ":t",
                        AttributeValue.fromS("ITEM")))
                .build();
        int sum = 0;
        for (Map<String, AttributeValue> m : page) {
            sum += handDecode(m).quantity();
        }
        return sum + put.hashCode() + query.hashCode();
    }
}
