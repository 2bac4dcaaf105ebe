package com.example.orders;

import dev.bricks.core.eventbridge.EventType;
import dev.bricks.events.DomainEvent;

@DomainEvent(source = "orders.app", detailType = "OrderPlaced") // how the publisher writes it
@EventType(source = "orders.app", detailType = "OrderPlaced") // what a consumer accepts
public record OrderPlaced(String orderId, String userId, int quantity) {}
