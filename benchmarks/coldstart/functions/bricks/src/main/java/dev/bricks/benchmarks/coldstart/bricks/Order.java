package dev.bricks.benchmarks.coldstart.bricks;

import dev.bricks.dynamo.annotation.Attribute;
import dev.bricks.dynamo.annotation.Entity;
import dev.bricks.dynamo.annotation.PrimaryKey;
import java.time.Instant;
import java.util.List;

/** An order item: {@code PK=USER#<userId>, SK=ORDER#<orderId>}, attribute names as the bare variant writes them. */
@Entity(type = "ORDER")
@PrimaryKey(pk = "USER#{userId}", sk = "ORDER#{orderId}")
public record Order(
        @Attribute("OrderId") String orderId,
        @Attribute("UserId") String userId,
        @Attribute("Skus") List<String> skus,
        @Attribute("Status") String status,
        @Attribute("CreatedAt") Instant createdAt) {}
