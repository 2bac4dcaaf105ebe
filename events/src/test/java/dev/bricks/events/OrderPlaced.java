package dev.bricks.events;

/** The seed's event: an order was placed. */
@DomainEvent(source = "orders.app", detailType = "OrderPlaced")
public record OrderPlaced(String orderId, String userId, int itemCount) {}
