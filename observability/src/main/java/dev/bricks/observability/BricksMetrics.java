package dev.bricks.observability;

import dev.bricks.observability.internal.FunctionInfo;
import dev.bricks.observability.internal.Settings;
import dev.bricks.observability.metrics.EmfMeterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.function.Supplier;

/**
 * The process-wide metrics registry handlers record business metrics on, with micrometer's normal API:
 *
 * <pre>{@code
 * private static final Counter ITEMS_SOLD = BricksMetrics.registry().counter("ItemsSold");
 * private static final DistributionSummary REVENUE = DistributionSummary.builder("OrderRevenue")
 *         .baseUnit("none").register(BricksMetrics.registry());
 * }</pre>
 *
 * <p>The registry is an {@link EmfMeterRegistry} created once, on first use (an init-once cache; micrometer
 * is not loaded unless a handler asks for it): namespace {@code BRICKS_METRICS_NAMESPACE} (default
 * {@code Bricks}), default dimension {@code service} ({@code BRICKS_SERVICE_NAME}, else
 * {@code AWS_LAMBDA_FUNCTION_NAME}, else the function name of the first invocation's context), plus {@code function_name} when
 * {@code BRICKS_METRICS_FUNCTION_NAME_DIMENSION=true}, 1-second resolution when
 * {@code BRICKS_METRICS_HIGH_RESOLUTION=true}. {@link ObservabilityListener} flushes it after every
 * invocation.
 *
 * <p>It is also added to micrometer's global composite, {@link Metrics#globalRegistry}, so meters made with
 * {@code Metrics.counter(…)} and library instrumentation bound to the global registry are written as EMF too
 * (meters registered there before are picked up); {@code BRICKS_METRICS_GLOBAL_REGISTRY=false} turns that off.
 * With it on (the default) the listener creates the registry at init, so global meters are flushed even when no
 * handler calls {@link #registry()}. Thread-safe.
 */
public final class BricksMetrics {

    private static volatile boolean created;

    private BricksMetrics() {}

    private static final class Holder {
        static final EmfMeterRegistry REGISTRY = create(Settings.current());

        private static EmfMeterRegistry create(Settings settings) {
            EmfMeterRegistry.Builder builder = EmfMeterRegistry.builder()
                    .namespace(settings.metricsNamespace())
                    .highResolution(settings.metricsHighResolution())
                    .serviceDimension(new CurrentService());
            defaultDimensions(settings, builder);
            EmfMeterRegistry registry = builder.build();
            if (settings.metricsGlobalRegistry()) {
                Metrics.addRegistry(registry);
            }
            created = true;
            return registry;
        }
    }

    /** The {@code service} value as known now (a class, not a lambda: no class spun on a cold start). */
    private static final class CurrentService implements Supplier<String> {
        @Override
        public String get() {
            return FunctionInfo.current().service();
        }
    }

    /** The registry; never null. */
    public static MeterRegistry registry() {
        return Holder.REGISTRY;
    }

    static EmfMeterRegistry emf() {
        return Holder.REGISTRY;
    }

    /** Whether the registry exists yet (tests). */
    static boolean created() {
        return created;
    }

    /** Flushes the registry if a handler ever asked for it; otherwise does nothing (and loads nothing). */
    static void flushIfCreated() {
        if (created) {
            Holder.REGISTRY.flush();
        }
    }

    static void defaultDimensions(Settings settings, EmfMeterRegistry.Builder builder) {
        if (settings.service() != null) {
            builder.defaultDimension("service", settings.service());
        }
        if (settings.metricsFunctionNameDimension() && settings.functionName() != null) {
            builder.defaultDimension("function_name", settings.functionName());
        }
    }
}
