package com.example.orders;

import dev.bricks.dynamo.annotation.Entity;
import dev.bricks.dynamo.annotation.PrimaryKey;
import java.math.BigDecimal;

/** A product of the catalogue: {@code PK=PRODUCT#<sku>, SK=PRODUCT}. */
@Entity(type = "PRODUCT")
@PrimaryKey(pk = "PRODUCT#{sku}", sk = "PRODUCT")
public record Product(String sku, String name, BigDecimal price) {}
