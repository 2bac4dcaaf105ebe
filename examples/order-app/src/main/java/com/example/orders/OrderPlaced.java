package com.example.orders;

import dev.bricks.core.eventbridge.EventType;
import dev.bricks.core.validation.NotBlank;
import dev.bricks.core.validation.NotEmpty;
import dev.bricks.events.DomainEvent;
import java.math.BigDecimal;
import java.util.List;

/**
 * The {@code OrderPlaced} event's detail, written to the outbox by {@code placeOrder} and read by
 * {@code updateInventory} (which deduplicates by {@code orderId}: the order's status changes once).
 */
@DomainEvent(source = OrderPlaced.SOURCE, detailType = OrderPlaced.DETAIL_TYPE)
@EventType(source = OrderPlaced.SOURCE, detailType = OrderPlaced.DETAIL_TYPE)
public record OrderPlaced(
        @NotBlank String orderId,
        @NotBlank String userId,
        @NotEmpty List<Line> items,
        BigDecimal total) {

    /** The event's {@code source}. */
    public static final String SOURCE = "orders.app";
    /** The event's {@code detail-type}. */
    public static final String DETAIL_TYPE = "OrderPlaced";

    /** One ordered product and its quantity. */
    public record Line(@NotBlank String sku, int quantity) {}
}
