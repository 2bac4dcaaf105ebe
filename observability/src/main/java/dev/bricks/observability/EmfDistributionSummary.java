package dev.bricks.observability;

import io.micrometer.core.instrument.AbstractDistributionSummary;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** A distribution summary keeping every amount since the last flush, written as an EMF values array. Thread-safe. */
final class EmfDistributionSummary extends AbstractDistributionSummary {

    private final ValueBuffer pending = new ValueBuffer();
    private final LongAdder count = new LongAdder();
    private final DoubleAdder total = new DoubleAdder();
    private volatile double max;

    EmfDistributionSummary(Id id, Clock clock, DistributionStatisticConfig config, double scale) {
        super(id, clock, config, scale, false);
    }

    @Override
    protected void recordNonNegative(double amount) {
        count.increment();
        total.add(amount);
        if (amount > max) {
            synchronized (this) {
                if (amount > max) {
                    max = amount;
                }
            }
        }
        pending.add(amount);
    }

    @Override
    public long count() {
        return count.sum();
    }

    @Override
    public double totalAmount() {
        return total.sum();
    }

    @Override
    public double max() {
        return max;
    }

    double[] drain() {
        return pending.drain();
    }
}
