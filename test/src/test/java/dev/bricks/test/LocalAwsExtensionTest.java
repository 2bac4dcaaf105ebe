package dev.bricks.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bricks.local.dynamodb.LocalDynamoDb;
import dev.bricks.local.eventbridge.DeliveredEvent;
import dev.bricks.local.eventbridge.LocalEventBridge;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

class LocalAwsExtensionTest {

    @RegisterExtension
    static final LocalAwsExtension AWS = new LocalAwsExtension();

    @Test
    void dynamoDbClient_injected_writesAndReadsOnTheLocalEngine(DynamoDbClient dynamo, LocalDynamoDb db) {
        dynamo.createTable(b -> b.tableName("table1")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("id")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(KeySchemaElement.builder()
                        .attributeName("id")
                        .keyType(KeyType.HASH)
                        .build()));
        dynamo.putItem(b -> b.tableName("table1").item(Map.of("id", AttributeValue.fromS("a"))));

        assertThat(dynamo.getItem(b -> b.tableName("table1").key(Map.of("id", AttributeValue.fromS("a"))))
                        .item())
                .containsEntry("id", AttributeValue.fromS("a"));
        assertThat(AWS.dynamoDbClient()).isSameAs(dynamo);
    }

    @Test
    void eventBridgeClient_injected_deliversToALocalRule(EventBridgeClient events, LocalEventBridge bus)
            throws InterruptedException {
        List<DeliveredEvent> delivered = new CopyOnWriteArrayList<>();
        bus.addRule("r1", "{\"source\":[\"test.app\"]}", delivered::add);

        var response = events.putEvents(
                b -> b.entries(e -> e.source("test.app").detailType("Ping").detail("{\"n\":1}")));

        assertThat(response.failedEntryCount()).isZero();
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();
        assertThat(delivered)
                .singleElement()
                .satisfies(d -> assertThat(d.envelopeJson()).contains("\"n\":1"));
        assertThat(AWS.eventBridge()).isSameAs(bus);
    }
}
