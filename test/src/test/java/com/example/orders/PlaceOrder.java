package com.example.orders;

import dev.bricks.core.http.HttpHandler;
import dev.bricks.core.http.HttpMethod;
import dev.bricks.core.http.HttpResponse;
import dev.bricks.core.http.Route;
import dev.bricks.core.validation.Min;
import dev.bricks.core.validation.NotBlank;
import dev.bricks.dynamo.DynamoTable;
import dev.bricks.dynamo.EntityRepository;
import dev.bricks.dynamo.TableDefinition;
import dev.bricks.events.EventPublisher;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

public final class PlaceOrder extends HttpHandler {

    public record PlaceOrderRequest(
            @NotBlank String userId, @Min(1) int quantity) {}

    public record OrderReceived(String orderId) {}

    private final EntityRepository<Order> orders;
    private final EventPublisher events;

    /** Lambda's constructor: SDK clients from the function's environment, the table named by TABLE_NAME. */
    public PlaceOrder() {
        this(
                DynamoTable.builder(
                                DynamoDbClient.create(),
                                TableDefinition.derive(System.getenv("TABLE_NAME"), OrderSchema.SCHEMA))
                        .build(),
                EventPublisher.builder().build());
    }

    /** The tests' constructor: any table and publisher, such as ones on the local engines. */
    public PlaceOrder(DynamoTable table, EventPublisher events) {
        this.orders = table.repository(OrderSchema.SCHEMA);
        this.events = events;
    }

    @Route(method = HttpMethod.POST, path = "/orders")
    HttpResponse place(PlaceOrderRequest request) {
        String orderId = UUID.randomUUID().toString();
        orders.create(new Order(orderId, request.userId(), request.quantity(), null));
        events.publish(new OrderPlaced(orderId, request.userId(), request.quantity()))
                .orThrow();
        return HttpResponse.created(new OrderReceived(orderId));
    }
}
