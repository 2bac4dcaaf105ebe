package com.example.orders;

import dev.bricks.dynamo.annotation.Entity;
import dev.bricks.dynamo.annotation.PrimaryKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order: {@code PK=USER#<userId>, SK=ORDER#<orderId>}; order ids sort by time, so a descending query is newest first. */
@Entity(type = "ORDER")
@PrimaryKey(pk = "USER#{userId}", sk = "ORDER#{orderId}")
public record Order(
        String userId,
        String orderId,
        OrderStatus status,
        List<OrderLine> items,
        BigDecimal total,
        Instant createdAt) {}
