package dev.bricks.outbox;

import dev.bricks.events.DomainEvent;

/** The domain event of the tests. */
@DomainEvent(source = "orders.app", detailType = "OrderPlaced")
public record OrderPlaced(String orderId, String userId, int sequence) {}
