package com.example.orders;

import dev.bricks.dynamo.annotation.Entity;
import dev.bricks.dynamo.annotation.PrimaryKey;
import dev.bricks.dynamo.annotation.Version;

@Entity(type = "ORDER")
@PrimaryKey(pk = "ORDER#{orderId}", sk = "ORDER")
public record Order(
        String orderId,
        String userId,
        int quantity,
        @Version Long version) {}
