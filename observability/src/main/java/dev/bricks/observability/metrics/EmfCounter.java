package dev.bricks.observability.metrics;

import io.micrometer.core.instrument.AbstractMeter;
import io.micrometer.core.instrument.Counter;
import java.util.concurrent.atomic.DoubleAdder;

/** A counter whose increments since the last flush are drained into one EMF value. Thread-safe. */
final class EmfCounter extends AbstractMeter implements Counter {

    private final DoubleAdder total = new DoubleAdder();
    private final DoubleAdder pending = new DoubleAdder();

    EmfCounter(Id id) {
        super(id);
    }

    @Override
    public void increment(double amount) {
        total.add(amount);
        pending.add(amount);
    }

    @Override
    public double count() {
        return total.sum();
    }

    double drain() {
        return pending.sumThenReset();
    }
}
