package dev.bricks.dynamo.model;

import dev.bricks.dynamo.CreatedAt;
import dev.bricks.dynamo.Entity;
import dev.bricks.dynamo.Index;
import dev.bricks.dynamo.Key;
import java.time.Instant;

/** An entity whose index key is built from a managed timestamp. */
@Entity(type = "EVENT")
@Key(pk = "EVENT#{id}", sk = "EVENT")
@Index(name = "GSI1", pk = "EVENTS#{kind}", sk = "{createdAt}#{id}")
public record Event(String id, String kind, @CreatedAt Instant createdAt) {}
