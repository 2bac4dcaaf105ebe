package dev.bricks.benchmarks.idempotency;

import dev.bricks.dynamo.TableDefinition;
import dev.bricks.idempotency.Idempotency;
import dev.bricks.local.dynamodb.LocalDynamoDb;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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

/**
 * The warm latency {@link Idempotency#once} adds around a handler whose own work is nothing, against the local
 * engine over loopback HTTP: a first execution (new key: conditional PutItem + UpdateItem), a duplicate (same key:
 * one conditional PutItem answered with the stored record), and one bare GetItem as the unit of one round trip.
 * The engine's JDK HTTP server runs with {@code sun.net.httpserver.nodelay=true} (no delayed-ACK stalls).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
@State(Scope.Benchmark)
public class IdempotencyOverheadBenchmark {

    /** The handler's payload. */
    public record Order(String orderId, int quantity) {}

    private final AtomicLong keys = new AtomicLong();
    private LocalDynamoDb db;
    private DynamoDbClient client;
    private TableDefinition table;
    private Idempotency idempotency;
    private Order order;

    @Setup(Level.Trial)
    public void start() {
        db = LocalDynamoDb.start();
        client = DynamoDbClient.builder()
                .endpointOverride(db.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        table = TableDefinition.builder("Bench").ttlAttribute("ttl").build();
        client.createTable(table.toCreateTableRequest());
        idempotency = Idempotency.builder(client, table).namespace("bench").build();
        order = new Order("o-1", 3);
        idempotency.once("duplicate", order, Order.class, () -> order);
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        db.close();
    }

    /** One GetItem: the cost of one round trip to this engine. */
    @Benchmark
    public Object oneRoundTrip() {
        return client.getItem(b -> b.tableName(table.name())
                .key(Map.of(
                        "PK",
                        AttributeValue.fromS("IDEMPOTENCY#bench#duplicate"),
                        "SK",
                        AttributeValue.fromS("IDEMPOTENCY"))));
    }

    /** A first execution: claim, run, store the result. */
    @Benchmark
    public Order firstExecution() {
        return idempotency.once("k-" + keys.incrementAndGet(), order, Order.class, () -> order);
    }

    /** A duplicate: the stored result, without running. */
    @Benchmark
    public Order duplicate() {
        return idempotency.once("duplicate", order, Order.class, () -> order);
    }
}
