package com.example.orders;

import dev.bricks.dynamo.DynamoTable;
import dev.bricks.dynamo.TableDefinition;
import java.util.Base64;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The app's one table, built once per function at init from the environment the template sets:
 * {@code TABLE_NAME} and, for the functions that page, {@code CURSOR_SECRET} (base64 of at least 32 random bytes).
 * Endpoint, region and credentials come from the SDK's defaults ({@code AWS_ENDPOINT_URL_DYNAMODB} on bricks-local).
 */
final class AppTable {

    /** The table's TTL attribute (epoch seconds): idempotency records and outbox items expire through it. */
    static final String TTL_ATTRIBUTE = "expiresAt";

    private AppTable() {}

    /** The SDK client every function of the app uses: the JDK's URLConnection client starts fastest. */
    static DynamoDbClient client() {
        return DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** The table's shape: {@code PK}, {@code SK}, TTL {@link #TTL_ATTRIBUTE}. */
    static TableDefinition definition() {
        return definition(requiredEnv("TABLE_NAME"));
    }

    static TableDefinition definition(String tableName) {
        return TableDefinition.builder(tableName)
                .partitionKey("PK")
                .sortKey("SK")
                .ttlAttribute(TTL_ATTRIBUTE)
                .build();
    }

    /** The table without cursors (functions that do not page). */
    static DynamoTable table(DynamoDbClient client) {
        return DynamoTable.builder(client, definition()).build();
    }

    /** The table with signed cursors keyed by {@code CURSOR_SECRET}. */
    static DynamoTable pagedTable(DynamoDbClient client) {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(requiredEnv("CURSOR_SECRET"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("CURSOR_SECRET is not base64: " + e.getMessage(), e);
        }
        return DynamoTable.builder(client, definition()).cursorKey(secret).build();
    }

    static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set (see template.yaml)");
        }
        return value;
    }
}
