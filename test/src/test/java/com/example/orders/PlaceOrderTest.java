package com.example.orders;

import static dev.bricks.test.BricksAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bricks.core.http.ProblemType;
import dev.bricks.dynamo.DynamoTable;
import dev.bricks.dynamo.TableDefinition;
import dev.bricks.events.EventPublisher;
import dev.bricks.local.eventbridge.DeliveredEvent;
import dev.bricks.local.eventbridge.LocalEventBridge;
import dev.bricks.test.HttpEvents;
import dev.bricks.test.HttpResult;
import dev.bricks.test.LocalAwsExtension;
import dev.bricks.test.TestInvoker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

@ExtendWith(LocalAwsExtension.class)
class PlaceOrderTest {

    private final List<DeliveredEvent> published = new CopyOnWriteArrayList<>();
    private DynamoTable table;
    private PlaceOrder handler;

    @BeforeEach
    void setUp(DynamoDbClient dynamo, EventBridgeClient eventBridge, LocalEventBridge bus) {
        TableDefinition definition = TableDefinition.derive("orders-" + System.nanoTime(), OrderSchema.SCHEMA);
        dynamo.createTable(definition.toCreateTableRequest());
        table = DynamoTable.builder(dynamo, definition).build();
        bus.addRule("rule-" + System.nanoTime(), "{\"source\":[\"orders.app\"]}", published::add);
        handler = new PlaceOrder(
                table, EventPublisher.builder().client(eventBridge).build());
    }

    @Test
    void place_validOrder_storesItAndPublishesOrderPlaced(LocalEventBridge bus) throws InterruptedException {
        String event = HttpEvents.v2()
                .post("/orders")
                .json(new PlaceOrder.PlaceOrderRequest("u-1", 2))
                .build();

        HttpResult response = TestInvoker.invoke(handler, event).http();

        assertThat(response).hasStatus(201);
        String orderId = response.body(PlaceOrder.OrderReceived.class).orderId();
        assertThat(table.repository(OrderSchema.SCHEMA).get(OrderSchema.SCHEMA.key(orderId)))
                .hasValueSatisfying(order -> assertThat(order.quantity()).isEqualTo(2));
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();
        assertThat(published)
                .singleElement()
                .satisfies(e -> assertThat(e.envelopeJson())
                        .contains("\"detail-type\":\"OrderPlaced\"", "\"orderId\":\"" + orderId + "\""));
    }

    @Test
    void place_invalidBody_answers422WithEveryField() {
        String event = HttpEvents.v2()
                .post("/orders")
                .json("{\"userId\":\" \",\"quantity\":0}")
                .build();

        HttpResult response = TestInvoker.invoke(handler, event).http();

        assertThat(response)
                .isProblem(ProblemType.INVALID_FIELDS)
                .hasFieldError("userId", "must not be blank")
                .hasErrorFieldsExactly("userId", "quantity");
        assertThat(published).isEmpty();
    }
}
