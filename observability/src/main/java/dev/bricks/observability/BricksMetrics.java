package dev.bricks.observability;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The process-wide metrics registry handlers record business metrics on, with micrometer's normal API:
 *
 * {@snippet :
 * private static final Counter ITEMS_SOLD = BricksMetrics.registry().counter("ItemsSold");
 * private static final DistributionSummary REVENUE = DistributionSummary.builder("OrderRevenue")
 *         .baseUnit("none").register(BricksMetrics.registry());
 * }
 *
 * <p>The registry is an {@link EmfMeterRegistry} created once, on first use (an init-once cache; micrometer
 * is not loaded unless a handler asks for it): namespace {@code BRICKS_METRICS_NAMESPACE} (default
 * {@code Bricks}), default dimension {@code service} ({@code BRICKS_SERVICE_NAME}, else
 * {@code AWS_LAMBDA_FUNCTION_NAME}), plus {@code function_name} when
 * {@code BRICKS_METRICS_FUNCTION_NAME_DIMENSION=true}, 1-second resolution when
 * {@code BRICKS_METRICS_HIGH_RESOLUTION=true}. {@link ObservabilityListener} flushes it after every
 * invocation. Thread-safe.
 */
public final class BricksMetrics {

    private static volatile boolean created;

    private BricksMetrics() {
    }

    private static final class Holder {
        static final EmfMeterRegistry REGISTRY = create(Settings.fromEnvironmentQuietly());

        private static EmfMeterRegistry create(Settings settings) {
            EmfMeterRegistry.Builder builder = EmfMeterRegistry.builder()
                    .namespace(settings.metricsNamespace())
                    .highResolution(settings.metricsHighResolution());
            defaultDimensions(settings, builder);
            created = true;
            return builder.build();
        }
    }

    /** The registry; never null. */
    public static MeterRegistry registry() {
        return Holder.REGISTRY;
    }

    static EmfMeterRegistry emf() {
        return Holder.REGISTRY;
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
