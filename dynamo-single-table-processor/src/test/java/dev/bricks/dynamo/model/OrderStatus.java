package dev.bricks.dynamo.model;

public enum OrderStatus {
    CREATED,
    PAID,
    SHIPPED,
    CANCELLED
}
