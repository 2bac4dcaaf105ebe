package dev.bricks.events;

import java.util.ArrayList;
import java.util.List;

/** Splits entries, in order, into PutEvents requests of at most 10 entries and at most a byte limit. */
final class Batches {

    static final int MAX_ENTRIES = 10;

    private Batches() {}

    /**
     * Greedy split keeping order: a request is closed when the next entry would make it 11 entries or more
     * than {@code maxBytes}. Every entry must itself be at most {@code maxBytes}.
     */
    static <E> List<List<Entry<E>>> split(List<Entry<E>> entries, long maxBytes) {
        List<List<Entry<E>>> batches = new ArrayList<>();
        List<Entry<E>> current = new ArrayList<>(MAX_ENTRIES);
        long bytes = 0;
        for (Entry<E> entry : entries) {
            if (entry.size() > maxBytes) {
                throw new IllegalArgumentException("entry " + entry.index() + " is over " + maxBytes + " bytes");
            }
            if (current.size() == MAX_ENTRIES || bytes + entry.size() > maxBytes) {
                batches.add(current);
                current = new ArrayList<>(MAX_ENTRIES);
                bytes = 0;
            }
            current.add(entry);
            bytes += entry.size();
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
