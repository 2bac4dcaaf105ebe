package dev.bricks.dynamo.model;

import dev.bricks.dynamo.annotation.Entity;
import dev.bricks.dynamo.annotation.Index;
import dev.bricks.dynamo.annotation.PrimaryKey;
import dev.bricks.dynamo.annotation.UpdatedAt;
import dev.bricks.dynamo.annotation.Version;
import java.time.Instant;

/** A support ticket listed by queue, most recently updated last: an index key fed by {@code @UpdatedAt}. */
@Entity(type = "TICKET")
@PrimaryKey(pk = "TICKET#{id}", sk = "TICKET")
@Index(name = "GSI1", pk = "QUEUE#{queue}", sk = "{updatedAt}#{id}")
public record Ticket(
        String id,
        String queue,
        String subject,
        @UpdatedAt Instant updatedAt,
        @Version Long version) {}
