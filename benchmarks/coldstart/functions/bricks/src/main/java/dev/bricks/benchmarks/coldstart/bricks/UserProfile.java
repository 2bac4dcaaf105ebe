package dev.bricks.benchmarks.coldstart.bricks;

import dev.bricks.dynamo.annotation.Attribute;
import dev.bricks.dynamo.annotation.Entity;
import dev.bricks.dynamo.annotation.PrimaryKey;
import java.time.Instant;

/** The user's profile item: {@code PK=USER#<userId>, SK=PROFILE} with the order counter. */
@Entity(type = "USER")
@PrimaryKey(pk = "USER#{userId}", sk = "PROFILE")
public record UserProfile(
        @Attribute("UserId") String userId,
        @Attribute("OrderCount") Long orderCount,
        @Attribute("LastOrderDate") Instant lastOrderDate) {}
