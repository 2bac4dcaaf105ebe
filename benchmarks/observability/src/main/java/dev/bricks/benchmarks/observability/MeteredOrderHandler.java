package dev.bricks.benchmarks.observability;

import dev.bricks.observability.BricksMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** {@link OrderHandler} that also records three business metrics (needs bricks-observability). */
public class MeteredOrderHandler extends OrderHandler {

    private final Counter itemsSold = BricksMetrics.registry().counter("ItemsSold");
    private final DistributionSummary revenue =
            DistributionSummary.builder("OrderRevenue").register(BricksMetrics.registry());
    private final Timer payment = BricksMetrics.registry().timer("PaymentLatency");

    public MeteredOrderHandler() {
        this(1);
    }

    public MeteredOrderHandler(int logLines) {
        super(logLines);
    }

    @Override
    protected void record() {
        itemsSold.increment(2);
        revenue.record(42.5);
        payment.record(Duration.ofMillis(12));
    }
}
