package dev.bricks.dynamo.model;

import dev.bricks.dynamo.annotation.Attribute;
import dev.bricks.dynamo.annotation.CreatedAt;
import dev.bricks.dynamo.annotation.Entity;
import dev.bricks.dynamo.annotation.PrimaryKey;
import dev.bricks.dynamo.annotation.Unique;
import dev.bricks.dynamo.annotation.UpdatedAt;
import dev.bricks.dynamo.annotation.Version;
import java.time.Instant;

/** The seed's user profile: PK=USER#{userId}, SK=PROFILE. */
@Entity(type = "USER")
@PrimaryKey(pk = "USER#{userId}", sk = "PROFILE")
public record User(
        @Attribute("UserId") String userId,
        @Unique @Attribute("Email") String email,
        @Attribute("Name") String name,
        @Attribute("OrderCount") Integer orderCount,
        @Attribute("LastOrderDate") Instant lastOrderDate,
        @Version Long version,
        @CreatedAt Instant createdAt,
        @UpdatedAt Instant updatedAt) {

    public static User of(String userId, String email, String name) {
        return new User(userId, email, name, null, null, null, null, null);
    }
}
