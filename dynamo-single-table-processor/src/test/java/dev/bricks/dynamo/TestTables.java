package dev.bricks.dynamo;

import dev.bricks.dynamo.model.CustomerSchema;
import dev.bricks.dynamo.model.DocSchema;
import dev.bricks.dynamo.model.EventSchema;
import dev.bricks.dynamo.model.OrderSchema;
import dev.bricks.dynamo.model.ProductSchema;
import dev.bricks.dynamo.model.TicketSchema;
import dev.bricks.dynamo.model.UserSchema;
import dev.bricks.local.dynamodb.LocalDynamoDb;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local engine, a real SDK client against it, and a fresh single table per test. Register as a static
 * {@code @RegisterExtension} field: the engine starts before the class's first test (and its
 * {@code @BeforeAll} methods) and closes after its last.
 */
final class TestTables implements BeforeAllCallback, AfterAllCallback {
    static final byte[] CURSOR_KEY = "test-cursor-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    /** The clock origin of the engine tests' orders. */
    static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");

    private static final AtomicInteger COUNTER = new AtomicInteger();
    LocalDynamoDb db;
    DynamoDbClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        db = LocalDynamoDb.start();
        client = DynamoDbClient.builder()
                .endpointOverride(db.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Creates a new table for the test entities and returns its DynamoTable (User, Order, Product registered). */
    DynamoTable newTable() {
        return newTable(b -> b);
    }

    /** Creates a new table for every test entity and returns its definition; registers no repository. */
    TableDefinition newDefinition() {
        TableDefinition def = TableDefinition.derive(
                "EcommerceData" + COUNTER.incrementAndGet(),
                UserSchema.SCHEMA,
                OrderSchema.SCHEMA,
                ProductSchema.SCHEMA,
                CustomerSchema.SCHEMA,
                DocSchema.SCHEMA,
                TicketSchema.SCHEMA,
                EventSchema.SCHEMA);
        client.createTable(def.toCreateTableRequest());
        return def;
    }

    DynamoTable newTable(UnaryOperator<DynamoTable.Builder> options) {
        TableDefinition def = newDefinition();
        DynamoTable table = options.apply(DynamoTable.builder(client, def).cursorKey(CURSOR_KEY))
                .build();
        table.repository(UserSchema.SCHEMA);
        table.repository(OrderSchema.SCHEMA);
        table.repository(ProductSchema.SCHEMA);
        return table;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        db.close();
    }
}
