package com.example.orders;

import dev.bricks.dynamo.annotation.Entity;
import dev.bricks.dynamo.annotation.PrimaryKey;

/** How many of a product are available: {@code PK=PRODUCT#<sku>, SK=STOCK}, next to the product. */
@Entity(type = "STOCK")
@PrimaryKey(pk = "PRODUCT#{sku}", sk = "STOCK")
public record Stock(String sku, Long available) {}
