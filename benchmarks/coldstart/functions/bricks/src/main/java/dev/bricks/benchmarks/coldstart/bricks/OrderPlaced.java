package dev.bricks.benchmarks.coldstart.bricks;

import dev.bricks.events.DomainEvent;

/** The event detail: {@code {orderId, userId, itemCount}}. */
@DomainEvent(source = "orders.app", detailType = "OrderPlaced")
public record OrderPlaced(String orderId, String userId, int itemCount) {}
