package dev.bricks.dynamo;

import java.util.List;
import java.util.Objects;

/**
 * One page of query results.
 *
 * @param items the entities, in key order; never null
 * @param cursor opaque signed cursor to the next page, or null when there is none; safe to hand to HTTP clients
 */
public record Page<T>(List<T> items, String cursor) {
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    /** True when another page may follow. */
    public boolean hasMore() {
        return cursor != null;
    }
}
