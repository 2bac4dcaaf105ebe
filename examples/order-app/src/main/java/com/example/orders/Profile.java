package com.example.orders;

import dev.bricks.dynamo.annotation.Entity;
import dev.bricks.dynamo.annotation.PrimaryKey;
import java.time.Instant;

/**
 * A user's profile: {@code PK=USER#<userId>, SK=PROFILE}, with the seed's order counter
 * ({@code if_not_exists(orderCount, 0) + 1}) and the mail address confirmations go to.
 */
@Entity(type = "PROFILE")
@PrimaryKey(pk = "USER#{userId}", sk = "PROFILE")
public record Profile(String userId, String email, Long orderCount, Instant lastOrderDate) {}
