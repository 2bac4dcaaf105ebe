package dev.bricks.observability.metrics;

import dev.bricks.observability.BricksMetrics;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.core.instrument.cumulative.CumulativeFunctionCounter;
import io.micrometer.core.instrument.cumulative.CumulativeFunctionTimer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.internal.DefaultGauge;
import io.micrometer.core.instrument.internal.DefaultMeter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * A micrometer {@link MeterRegistry} that writes what was recorded since the last {@link #flush()} as
 * CloudWatch Embedded Metric Format lines on stdout (CloudWatch Logs turns them into metrics; no API call).
 * {@code bricks-observability} flushes it at the end of every invocation, also a failed one.
 *
 * <ul>
 *   <li>Counters: the increments since the last flush (unit {@code Count}); nothing when zero.</li>
 *   <li>Timers: every recorded duration, in {@code Milliseconds}, as a values array (CloudWatch computes
 *       percentiles from it); distribution summaries likewise, unit from the base unit.</li>
 *   <li>Gauges: the current value at each flush. Function counters: the change since the last flush.</li>
 *   <li>Dimensions: the default dimensions (e.g. {@code service}) plus the meter's tags. Meters with the same
 *       tag values share lines; limits (100 metrics, 100 values, 30 dimension keys) split lines.</li>
 *   <li>Names are kept as given ({@code OrderRevenue}); tags are dimensions.</li>
 * </ul>
 *
 * <p>Thread-safe. Most code uses the process-wide instance from {@link BricksMetrics#registry()}.
 */
public final class EmfMeterRegistry extends MeterRegistry {

    /** Name of the service dimension. */
    public static final String SERVICE_DIMENSION = "service";

    private final EmfWriter writer;
    private final Map<String, String> defaultDimensions;
    private final PrintStream output;
    private final Map<Meter.Id, Double> functionCounterLast = new ConcurrentHashMap<>();
    private final List<String> orderedDefaults;
    private final Supplier<String> serviceFallback;

    private EmfMeterRegistry(Builder builder) {
        super(builder.clock);
        this.writer = new EmfWriter(builder.namespace, builder.highResolution);
        this.defaultDimensions = Map.copyOf(builder.defaultDimensions);
        this.orderedDefaults = new ArrayList<>(builder.defaultDimensions.keySet());
        this.output = builder.output;
        this.serviceFallback = builder.serviceFallback;
        if (this.orderedDefaults.size() + (serviceFallback != null ? 1 : 0) >= EmfWriter.MAX_DIMENSIONS) {
            throw new IllegalStateException("at most " + (EmfWriter.MAX_DIMENSIONS - 1) + " default dimensions "
                    + "(service included), so every dimension set keeps them and has room for a tag; was "
                    + this.orderedDefaults);
        }
        config().namingConvention(NamingConvention.identity);
    }

    /** A builder; the namespace is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes every meter's values recorded since the last flush as EMF lines and forgets them (gauges are
     * read). Writes nothing when nothing was recorded. Never throws for a misbehaving gauge: its value is
     * skipped.
     */
    public void flush() {
        long timestamp = clock.wallTime();
        Map<List<Tag>, List<EmfWriter.Datum>> groups = new LinkedHashMap<>();
        for (Meter meter : getMeters()) {
            List<EmfWriter.Datum> data = collect(meter);
            if (!data.isEmpty()) {
                groups.computeIfAbsent(meter.getId().getTags(), k -> new ArrayList<>())
                        .addAll(data);
            }
        }
        PrintStream out = output != null ? output : System.out;
        for (Map.Entry<List<Tag>, List<EmfWriter.Datum>> group : groups.entrySet()) {
            Map<String, String> dimensions = dimensions(group.getKey());
            writer.write(out, timestamp, dimensions, pinned(dimensions), group.getValue());
        }
    }

    /** The leading default dimensions (service first) of a line's dimensions: repeated in every set. */
    private int pinned(Map<String, String> dimensions) {
        int pinned = 0;
        for (String key : dimensions.keySet()) {
            if (!key.equals(SERVICE_DIMENSION) && !defaultDimensions.containsKey(key)) {
                break;
            }
            pinned++;
        }
        return pinned;
    }

    private Map<String, String> dimensions(List<Tag> tags) {
        Map<String, String> dims = new LinkedHashMap<>();
        if (serviceFallback != null && !defaultDimensions.containsKey(SERVICE_DIMENSION)) {
            String service = serviceFallback.get();
            if (service != null) {
                dims.put(SERVICE_DIMENSION, service);
            }
        }
        for (String key : orderedDefaults) {
            dims.put(key, defaultDimensions.get(key));
        }
        for (Tag tag : tags) {
            dims.put(tag.getKey(), tag.getValue());
        }
        return dims;
    }

    private List<EmfWriter.Datum> collect(Meter meter) {
        String name = meter.getId().getName();
        String unit = EmfUnit.of(meter.getId().getBaseUnit());
        try {
            if (meter instanceof EmfCounter counter) {
                double delta = counter.drain();
                return delta == 0 ? List.of() : List.of(new EmfWriter.Datum(name, EmfUnit.COUNT, new double[] {delta}));
            }
            if (meter instanceof EmfTimer timer) {
                double[] values = timer.drainMillis();
                return values.length == 0
                        ? List.of()
                        : List.of(new EmfWriter.Datum(name, EmfUnit.MILLISECONDS, values));
            }
            if (meter instanceof EmfDistributionSummary summary) {
                double[] values = summary.drain();
                return values.length == 0 ? List.of() : List.of(new EmfWriter.Datum(name, unit, values));
            }
            if (meter instanceof TimeGauge gauge) {
                return single(name, EmfUnit.MILLISECONDS, gauge.value(TimeUnit.MILLISECONDS));
            }
            if (meter instanceof Gauge gauge) {
                return single(name, unit, gauge.value());
            }
            if (meter instanceof FunctionCounter counter) {
                double now = counter.count();
                Double before = functionCounterLast.put(meter.getId(), now);
                double delta = before == null ? now : now - before;
                return delta == 0 ? List.of() : single(name, EmfUnit.COUNT, delta);
            }
            List<EmfWriter.Datum> data = new ArrayList<>();
            for (Measurement measurement : meter.measure()) {
                data.addAll(single(
                        name + "." + measurement.getStatistic().getTagValueRepresentation(),
                        unit,
                        measurement.getValue()));
            }
            return data;
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static List<EmfWriter.Datum> single(String name, String unit, double value) {
        return Double.isFinite(value) ? List.of(new EmfWriter.Datum(name, unit, new double[] {value})) : List.of();
    }

    @Override
    protected <T> Gauge newGauge(Meter.Id id, T obj, ToDoubleFunction<T> valueFunction) {
        return new DefaultGauge<>(id, obj, valueFunction);
    }

    @Override
    protected Counter newCounter(Meter.Id id) {
        return new EmfCounter(id);
    }

    @Override
    protected Timer newTimer(Meter.Id id, DistributionStatisticConfig config, PauseDetector pauseDetector) {
        return new EmfTimer(id, clock, config, pauseDetector);
    }

    @Override
    protected DistributionSummary newDistributionSummary(
            Meter.Id id, DistributionStatisticConfig config, double scale) {
        return new EmfDistributionSummary(id, clock, config, scale);
    }

    @Override
    protected Meter newMeter(Meter.Id id, Meter.Type type, Iterable<Measurement> measurements) {
        return new DefaultMeter(id, type, measurements);
    }

    @Override
    protected <T> FunctionTimer newFunctionTimer(
            Meter.Id id, T obj, ToLongFunction<T> countFunction, ToDoubleFunction<T> totalTimeFunction, TimeUnit unit) {
        return new CumulativeFunctionTimer<>(id, obj, countFunction, totalTimeFunction, unit, getBaseTimeUnit());
    }

    @Override
    protected <T> FunctionCounter newFunctionCounter(Meter.Id id, T obj, ToDoubleFunction<T> countFunction) {
        return new CumulativeFunctionCounter<>(id, obj, countFunction);
    }

    @Override
    protected TimeUnit getBaseTimeUnit() {
        return TimeUnit.MILLISECONDS;
    }

    @Override
    protected DistributionStatisticConfig defaultHistogramConfig() {
        return DistributionStatisticConfig.builder()
                .expiry(java.time.Duration.ofMinutes(1))
                .bufferLength(1)
                .build()
                .merge(DistributionStatisticConfig.DEFAULT);
    }

    /** Options of an {@link EmfMeterRegistry}. Not thread-safe; build once. */
    public static final class Builder {

        private String namespace;
        private final Map<String, String> defaultDimensions = new LinkedHashMap<>();
        private boolean highResolution;
        private PrintStream output;
        private Clock clock = Clock.SYSTEM;
        private Supplier<String> serviceFallback;

        private Builder() {}

        /**
         * The CloudWatch namespace (1–255 characters); required.
         *
         * @throws IllegalArgumentException when null, blank or longer than 255 characters
         */
        public Builder namespace(String namespace) {
            if (namespace == null || namespace.isBlank() || namespace.length() > 255) {
                throw new IllegalArgumentException(
                        "namespace must be 1-255 non-blank characters, was '" + namespace + "'");
            }
            this.namespace = namespace;
            return this;
        }

        /**
         * Adds a dimension written on every line (e.g. {@code service}).
         *
         * @throws IllegalArgumentException when the name or value is null or blank
         */
        public Builder defaultDimension(String name, String value) {
            if (name == null || name.isBlank() || value == null || value.isBlank()) {
                throw new IllegalArgumentException(
                        "default dimension needs a non-blank name and value, was '" + name + "'='" + value + "'");
            }
            defaultDimensions.put(name, value);
            return this;
        }

        /** Whether metrics are stored at 1-second resolution ({@code StorageResolution: 1}); default false (60 s). */
        public Builder highResolution(boolean highResolution) {
            this.highResolution = highResolution;
            return this;
        }

        /** Where lines go; default {@code System.out} as it is at each flush. */
        public Builder output(PrintStream output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        /** The clock for timestamps and timers; default {@link Clock#SYSTEM}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Where the {@code service} dimension comes from when no {@link #defaultDimension default dimension}
         * sets it, read at each flush (a null value leaves it out). Like the default dimensions, it is written
         * first and kept in every dimension set.
         */
        public Builder serviceDimension(Supplier<String> value) {
            this.serviceFallback = Objects.requireNonNull(value, "serviceDimension");
            return this;
        }

        /**
         * The registry.
         *
         * @throws IllegalStateException when no namespace was set, or 30 or more default dimensions (the
         *                               service included) would leave a dimension set no room for a tag
         */
        public EmfMeterRegistry build() {
            if (namespace == null) {
                throw new IllegalStateException("namespace is required");
            }
            return new EmfMeterRegistry(this);
        }
    }
}
