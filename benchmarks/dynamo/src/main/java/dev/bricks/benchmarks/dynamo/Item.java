package dev.bricks.benchmarks.dynamo;

import dev.bricks.dynamo.annotation.Attribute;
import dev.bricks.dynamo.annotation.Entity;
import dev.bricks.dynamo.annotation.Index;
import dev.bricks.dynamo.annotation.PrimaryKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The benchmark entity: an order-like record with the usual attribute types. */
@Entity(type = "ITEM")
@PrimaryKey(pk = "OWNER#{owner}", sk = "ITEM#{id}")
@Index(name = "GSI1", pk = "STATUS#{status}", sk = "{createdAt}")
public record Item(
        String owner,
        String id,
        @Attribute("Name") String name,
        Status status,
        BigDecimal price,
        Integer quantity,
        List<String> skus,
        Set<String> tags,
        Map<String, Integer> counts,
        Instant createdAt) {

    public enum Status {
        NEW,
        PAID
    }
}
