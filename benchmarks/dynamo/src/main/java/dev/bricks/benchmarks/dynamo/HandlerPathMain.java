package dev.bricks.benchmarks.dynamo;

import dev.bricks.dynamo.DynamoTable;
import dev.bricks.dynamo.EntityRepository;
import dev.bricks.dynamo.TableDefinition;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a handler's first invocation does with the repository, without a network: build the table and repository,
 * render a put, a get and a query (dry run) and decode one item. Run it with {@code -Xlog:class+load} to see which
 * classes the handler path loads (see benchmarks/dynamo/README.md).
 */
public final class HandlerPathMain {
    private HandlerPathMain() {}

    public static void main(String[] args) {
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            EntityRepository<Item> repo = DynamoTable.builder(
                            client, TableDefinition.derive("Bench", ItemSchema.SCHEMA))
                    .build()
                    .repository(ItemSchema.SCHEMA);
            Item item = new Item(
                    "owner-1",
                    "i1",
                    "Name",
                    Item.Status.PAID,
                    new BigDecimal("12.5"),
                    3,
                    List.of("A", "B"),
                    Set.of("x"),
                    Map.of("A", 1),
                    Instant.parse("2026-01-01T00:00:00Z"));
            Object put = repo.dryRun().put(item);
            Object get = repo.dryRun().get(ItemSchema.key("owner-1", "i1"));
            Object query = repo.query(ItemSchema.partition("owner-q")).dryRun();
            Item decoded = repo.decode(RequestCodecBenchmark.handMap("owner-1", "i1"));
            System.out.println(
                    "handler path ok: " + decoded.id() + " " + (put != null) + (get != null) + (query != null));
        }
    }
}
