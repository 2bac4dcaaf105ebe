package dev.bricks.observability;

import io.micrometer.core.instrument.AbstractTimer;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.util.TimeUtils;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A timer keeping every duration recorded since the last flush (in milliseconds), written as an EMF values
 * array so CloudWatch computes percentiles from the raw values. Thread-safe.
 */
final class EmfTimer extends AbstractTimer {

    private final ValueBuffer pending = new ValueBuffer();
    private final LongAdder count = new LongAdder();
    private final DoubleAdder totalNanos = new DoubleAdder();
    private volatile double maxNanos;

    EmfTimer(Id id, Clock clock, DistributionStatisticConfig config, PauseDetector pauseDetector) {
        super(id, clock, config, pauseDetector, TimeUnit.MILLISECONDS, false);
    }

    @Override
    protected void recordNonNegative(long amount, TimeUnit unit) {
        double nanos = (double) unit.toNanos(amount);
        count.increment();
        totalNanos.add(nanos);
        if (nanos > maxNanos) {
            synchronized (this) {
                if (nanos > maxNanos) {
                    maxNanos = nanos;
                }
            }
        }
        pending.add(nanos / 1_000_000.0);
    }

    @Override
    public long count() {
        return count.sum();
    }

    @Override
    public double totalTime(TimeUnit unit) {
        return TimeUtils.nanosToUnit(totalNanos.sum(), unit);
    }

    @Override
    public double max(TimeUnit unit) {
        return TimeUtils.nanosToUnit(maxNanos, unit);
    }

    double[] drainMillis() {
        return pending.drain();
    }
}
