package com.example.orders;

import dev.bricks.dynamo.annotation.Entity;
import dev.bricks.dynamo.annotation.PrimaryKey;

/**
 * The order an {@code Idempotency-Key} produced: {@code PK=USER#<userId>, SK=REQUEST#<sha-256 of the key>}, created
 * in the order's own transaction. It is what makes a retry after a crash between the commit and the response find the
 * first order instead of placing a second one (the idempotency record cannot commit with the order).
 */
@Entity(type = "ORDER_REQUEST")
@PrimaryKey(pk = "USER#{userId}", sk = "REQUEST#{keyHash}")
public record OrderRequest(String userId, String keyHash, String orderId) {}
