package dev.bricks.benchmarks.coldstart.bricks;

import dev.bricks.dynamo.Attribute;
import dev.bricks.dynamo.Entity;
import dev.bricks.dynamo.Key;

import java.time.Instant;

/** The user's profile item: {@code PK=USER#<userId>, SK=PROFILE} with the order counter. */
@Entity(type = "USER")
@Key(pk = "USER#{userId}", sk = "PROFILE")
public record UserProfile(@Attribute("UserId") String userId,
                          @Attribute("OrderCount") Long orderCount,
                          @Attribute("LastOrderDate") Instant lastOrderDate) {
}
