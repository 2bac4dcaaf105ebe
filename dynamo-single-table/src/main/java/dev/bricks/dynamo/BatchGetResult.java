package dev.bricks.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Result of a batch get.
 *
 * @param items the entities found (any order), each decoded to its own type; never null
 * @param unprocessed keys DynamoDB still had not processed at the deadline; never null
 */
public record BatchGetResult(List<Object> items, List<EntityKey<?>> unprocessed) {
    public BatchGetResult {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        unprocessed = List.copyOf(Objects.requireNonNull(unprocessed, "unprocessed"));
    }

    /** The items of one type. */
    public <E> List<E> itemsOf(Class<E> type) {
        List<E> out = new ArrayList<>();
        items.forEach(o -> {
            if (type.isInstance(o)) {
                out.add(type.cast(o));
            }
        });
        return out;
    }

    /** True when every key was processed. */
    public boolean complete() {
        return unprocessed.isEmpty();
    }
}
