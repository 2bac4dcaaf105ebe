package dev.bricks.dynamo.model;

import dev.bricks.dynamo.annotation.Attribute;
import dev.bricks.dynamo.annotation.Entity;
import dev.bricks.dynamo.annotation.Index;
import dev.bricks.dynamo.annotation.PrimaryKey;
import dev.bricks.dynamo.annotation.Ttl;
import dev.bricks.dynamo.annotation.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The seed's order: PK=USER#{userId}, SK=ORDER#{orderId}; GSI1 lists orders by status. */
@Entity(type = "ORDER")
@PrimaryKey(pk = "USER#{userId}", sk = "ORDER#{orderId}")
@Index(name = "GSI1", pk = "STATUS#{status}", sk = "{createdAt}#{orderId}")
public record Order(
        @Attribute("OrderId") String orderId,
        @Attribute("UserId") String userId,
        @Attribute("Skus") List<String> skus,
        @Attribute("Status") OrderStatus status,
        @Attribute("CreatedAt") Instant createdAt,
        BigDecimal total,
        Address shipTo,
        Map<String, Integer> quantities,
        Set<String> tags,
        String note,
        @Ttl Instant expiresAt,
        @Version long version) {

    public static Order of(String userId, String orderId, OrderStatus status, Instant createdAt) {
        return new Order(
                orderId,
                userId,
                List.of("SKU-1"),
                status,
                createdAt,
                new BigDecimal("10.5"),
                null,
                null,
                null,
                null,
                null,
                0);
    }

    public Order withStatus(OrderStatus s) {
        return new Order(
                orderId, userId, skus, s, createdAt, total, shipTo, quantities, tags, note, expiresAt, version);
    }

    public Order withNote(String n) {
        return new Order(
                orderId, userId, skus, status, createdAt, total, shipTo, quantities, tags, n, expiresAt, version);
    }

    public Order withTags(Set<String> t) {
        return new Order(
                orderId, userId, skus, status, createdAt, total, shipTo, quantities, t, note, expiresAt, version);
    }
}
