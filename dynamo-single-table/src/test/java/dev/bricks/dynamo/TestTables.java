package dev.bricks.dynamo;

import dev.bricks.dynamo.model.CustomerSchema;
import dev.bricks.dynamo.model.OrderSchema;
import dev.bricks.dynamo.model.ProductSchema;
import dev.bricks.dynamo.model.UserSchema;
import dev.bricks.local.dynamodb.LocalDynamoDb;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The local engine, a real SDK client against it, and a fresh single table per test. */
final class TestTables implements AutoCloseable {
  static final byte[] CURSOR_KEY = "test-cursor-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final AtomicInteger COUNTER = new AtomicInteger();
  final LocalDynamoDb db;
  final DynamoDbClient client;

  private TestTables() {
    db = LocalDynamoDb.start();
    client = DynamoDbClient.builder().endpointOverride(db.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  static TestTables start() {
    return new TestTables();
  }

  /** Creates a new table for User, Order and Product and returns its DynamoTable. */
  DynamoTable newTable() {
    return newTable(b -> b);
  }

  DynamoTable newTable(UnaryOperator<DynamoTable.Builder> options) {
    TableDefinition def = TableDefinition.derive("EcommerceData" + COUNTER.incrementAndGet(), UserSchema.SCHEMA,
        OrderSchema.SCHEMA, ProductSchema.SCHEMA, CustomerSchema.SCHEMA);
    client.createTable(def.toCreateTableRequest());
    DynamoTable table = options.apply(DynamoTable.builder(client, def).cursorKey(CURSOR_KEY)).build();
    table.repository(UserSchema.SCHEMA);
    table.repository(OrderSchema.SCHEMA);
    table.repository(ProductSchema.SCHEMA);
    return table;
  }

  @Override
  public void close() {
    client.close();
    db.close();
  }
}
