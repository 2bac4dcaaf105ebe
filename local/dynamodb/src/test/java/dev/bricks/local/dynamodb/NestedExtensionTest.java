package dev.bricks.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A @Nested class ending must not stop the engine its enclosing class started. */
@ExtendWith(LocalDynamoDbExtension.class)
class NestedExtensionTest {
    static LocalDynamoDb seenByNested;
    static String table;

    @Nested
    class Inner {
        @Test
        void nestedTest_seesTheEnclosingEngine(LocalDynamoDb db, DynamoDbClient client) {
            seenByNested = db;
            table = Fixtures.table(client, false);
            assertThat(client.listTables().tableNames()).contains(table);
        }
    }

    @AfterAll
    static void engineStillServesAfterNestedClassEnded() {
        assertThat(seenByNested).isNotNull();
        try (DynamoDbClient c = Clients.dynamo(seenByNested)) {
            assertThat(c.listTables().tableNames()).contains(table);
        }
    }
}
