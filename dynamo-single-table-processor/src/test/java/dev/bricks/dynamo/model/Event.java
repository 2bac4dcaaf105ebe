package dev.bricks.dynamo.model;

import dev.bricks.dynamo.annotation.CreatedAt;
import dev.bricks.dynamo.annotation.Entity;
import dev.bricks.dynamo.annotation.Index;
import dev.bricks.dynamo.annotation.PrimaryKey;
import java.time.Instant;

/** An entity whose index key is built from a managed timestamp. */
@Entity(type = "EVENT")
@PrimaryKey(pk = "EVENT#{id}", sk = "EVENT")
@Index(name = "GSI1", pk = "EVENTS#{kind}", sk = "{createdAt}#{id}")
public record Event(String id, String kind, @CreatedAt Instant createdAt) {}
