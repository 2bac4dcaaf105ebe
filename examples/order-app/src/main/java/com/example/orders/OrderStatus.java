package com.example.orders;

/** Where an order stands: placed by {@code placeOrder}, then confirmed or backordered by {@code updateInventory}. */
public enum OrderStatus {
    /** Stored with its {@code OrderPlaced} event; stock not yet taken. */
    PLACED,
    /** Stock taken for every line. */
    CONFIRMED,
    /** At least one line had not enough stock: nothing was taken, the order waits. */
    BACKORDERED
}
