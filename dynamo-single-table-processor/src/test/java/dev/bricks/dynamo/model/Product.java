package dev.bricks.dynamo.model;

import dev.bricks.dynamo.annotation.Entity;
import dev.bricks.dynamo.annotation.Index;
import dev.bricks.dynamo.annotation.PrimaryKey;
import java.math.BigDecimal;

/** A product: no version, so it can go through batch writes; GSI1 lists products by category and brand. */
@Entity(type = "PRODUCT")
@PrimaryKey(pk = "PRODUCT#{sku}", sk = "PRODUCT")
@Index(name = "GSI1", pk = "CATEGORY#{category}", sk = "{brand}#{name}")
public record Product(
        String sku, String category, String brand, String name, BigDecimal price, Integer stock, String description) {

    public static Product of(String sku, String category, String brand, String name) {
        return new Product(sku, category, brand, name, BigDecimal.TEN, 5, null);
    }
}
