package dev.bricks.observability.metrics;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Count, total and maximum of the values a meter has recorded, shared by {@link EmfTimer} and {@link EmfDistributionSummary}. Thread-safe. */
final class RunningStats {

    private final LongAdder count = new LongAdder();
    private final DoubleAdder total = new DoubleAdder();
    private volatile double max;

    void record(double value) {
        count.increment();
        total.add(value);
        if (value > max) {
            synchronized (this) {
                if (value > max) {
                    max = value;
                }
            }
        }
    }

    long count() {
        return count.sum();
    }

    double total() {
        return total.sum();
    }

    double max() {
        return max;
    }
}
