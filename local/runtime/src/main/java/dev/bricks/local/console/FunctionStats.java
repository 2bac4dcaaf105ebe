package dev.bricks.local.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Arrays;

/** Counts and recent durations of one function's invocations. Thread-safe. */
final class FunctionStats {

    private static final int WINDOW = 1_000;

    private final double[] durationsMs = new double[WINDOW];
    private long invocations;
    private long errors;
    private long coldStarts;
    private String lastReport;

    synchronized void invoked(Duration duration, boolean cold, boolean failed) {
        durationsMs[(int) (invocations % WINDOW)] = duration.toNanos() / 1e6;
        invocations++;
        if (failed) {
            errors++;
        }
        if (cold) {
            coldStarts++;
        }
    }

    synchronized void report(String line) {
        lastReport = line;
    }

    /** Counts, p50/p99 of the last {@value #WINDOW} durations, the last REPORT line. */
    synchronized ObjectNode json() {
        ObjectNode n = Redaction.JSON.createObjectNode();
        n.put("invocations", invocations);
        n.put("errors", errors);
        n.put("coldStarts", coldStarts);
        int size = (int) Math.min(invocations, WINDOW);
        if (size > 0) {
            double[] sorted = Arrays.copyOf(durationsMs, size);
            Arrays.sort(sorted);
            n.put("p50Ms", sorted[(int) Math.ceil(0.50 * size) - 1]);
            n.put("p99Ms", sorted[(int) Math.ceil(0.99 * size) - 1]);
        }
        n.put("lastReport", lastReport);
        return n;
    }
}
