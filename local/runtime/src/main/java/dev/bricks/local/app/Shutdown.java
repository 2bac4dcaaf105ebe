package dev.bricks.local.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a running app must close, in dependency order whatever order things started in (they start in
 * parallel): what receives requests first, then what invokes functions, then the functions, then the services
 * they call. Thread-safe.
 */
final class Shutdown {

    /** Close order: lower first. */
    enum Stage {
        GATEWAY,
        TRIGGERS,
        FUNCTIONS,
        SERVICES
    }

    private record Entry(Stage stage, long order, AutoCloseable resource) {}

    private final List<Entry> entries = new ArrayList<>();
    private long counter;

    synchronized <T extends AutoCloseable> T add(Stage stage, T resource) {
        entries.add(new Entry(stage, counter++, resource));
        return resource;
    }

    /** Closes everything, each stage newest first; a failing close does not stop the others. */
    void closeAll() {
        List<Entry> toClose;
        synchronized (this) {
            toClose = new ArrayList<>(entries);
            entries.clear();
        }
        toClose.sort(Comparator.comparing(Entry::stage)
                .thenComparing(Comparator.comparingLong(Entry::order).reversed()));
        for (Entry e : toClose) {
            try {
                e.resource().close();
            } catch (Exception ex) {
                // keep closing the others
            }
        }
    }
}
