package dev.bricks.observability.metrics;

import io.micrometer.core.instrument.AbstractTimer;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.util.TimeUtils;
import java.util.concurrent.TimeUnit;

/**
 * A timer keeping every duration recorded since the last flush (in milliseconds), written as an EMF values
 * array so CloudWatch computes percentiles from the raw values. Thread-safe.
 */
final class EmfTimer extends AbstractTimer {

    private final ValueBuffer pending = new ValueBuffer();
    /** In nanoseconds. */
    private final RunningStats stats = new RunningStats();

    EmfTimer(Id id, Clock clock, DistributionStatisticConfig config, PauseDetector pauseDetector) {
        super(id, clock, config, pauseDetector, TimeUnit.MILLISECONDS, false);
    }

    @Override
    protected void recordNonNegative(long amount, TimeUnit unit) {
        double nanos = (double) unit.toNanos(amount);
        stats.record(nanos);
        pending.add(nanos / 1_000_000.0);
    }

    @Override
    public long count() {
        return stats.count();
    }

    @Override
    public double totalTime(TimeUnit unit) {
        return TimeUtils.nanosToUnit(stats.total(), unit);
    }

    @Override
    public double max(TimeUnit unit) {
        return TimeUtils.nanosToUnit(stats.max(), unit);
    }

    double[] drainMillis() {
        return pending.drain();
    }
}
