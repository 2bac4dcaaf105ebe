package dev.bricks.observability.metrics;

import io.micrometer.core.instrument.AbstractDistributionSummary;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/** A distribution summary keeping every amount since the last flush, written as an EMF values array. Thread-safe. */
final class EmfDistributionSummary extends AbstractDistributionSummary {

    private final ValueBuffer pending = new ValueBuffer();
    private final RunningStats stats = new RunningStats();

    EmfDistributionSummary(Id id, Clock clock, DistributionStatisticConfig config, double scale) {
        super(id, clock, config, scale, false);
    }

    @Override
    protected void recordNonNegative(double amount) {
        stats.record(amount);
        pending.add(amount);
    }

    @Override
    public long count() {
        return stats.count();
    }

    @Override
    public double totalAmount() {
        return stats.total();
    }

    @Override
    public double max() {
        return stats.max();
    }

    double[] drain() {
        return pending.drain();
    }
}
