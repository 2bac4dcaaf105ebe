package dev.bricks.outbox;

import dev.bricks.dynamo.annotation.Entity;
import dev.bricks.dynamo.annotation.PrimaryKey;

/** A business item written next to the outbox events: PK=ORDER#{orderId}, SK=ORDER. */
@Entity(type = "ORDER")
@PrimaryKey(pk = "ORDER#{orderId}", sk = "ORDER")
public record Order(String orderId, String userId, int itemCount) {}
