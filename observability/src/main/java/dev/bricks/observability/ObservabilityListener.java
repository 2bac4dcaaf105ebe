package dev.bricks.observability;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.TraceHeader;
import dev.bricks.core.spi.InvocationInfo;
import dev.bricks.core.spi.InvocationListener;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import net.logstash.logback.marker.Markers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@link InvocationListener} that {@code core}'s handler base classes find through
 * {@code META-INF/services/dev.bricks.core.spi.InvocationListener} when {@code bricks-observability} is on
 * the classpath. Around every invocation it
 * <ol>
 *   <li>puts {@code function_request_id}, {@code cold_start}, {@code correlation_id}, {@code xray_trace_id}
 *       and {@code function_arn} in the MDC (the environment-wide fields are computed once) and, for a
 *       fraction {@code BRICKS_LOG_DEBUG_SAMPLE_RATE} of invocations, the {@code debug_sampled} flag;</li>
 *   <li>logs the redacted incoming event when {@code BRICKS_LOG_EVENT=true};</li>
 *   <li>after the handler — also when it failed — writes the {@code ColdStart} EMF metric on the first
 *       invocation, flushes {@link BricksMetrics#registry()} and removes its MDC keys, so nothing leaks into
 *       the next invocation of a warm environment.</li>
 * </ol>
 *
 * <p>Thread-safe: all per-invocation state is in the invoking thread's MDC. Never throws.
 */
public final class ObservabilityListener implements InvocationListener {

    /** Name of the cold-start metric. */
    public static final String COLD_START_METRIC = "ColdStart";

    private static final Logger EVENT_LOG = LoggerFactory.getLogger("dev.bricks.observability.Event");
    private static final List<String> MDC_KEYS = List.of(BricksFieldsJsonProvider.MDC_KEYS);

    private final Settings settings;
    private final EventRedactor redactor;

    /** Reads the configuration from the environment; called by {@link java.util.ServiceLoader}. */
    public ObservabilityListener() {
        this(Settings.fromEnvironmentQuietly());
    }

    ObservabilityListener(Settings settings) {
        this.settings = settings;
        EventRedactor built = null;
        if (settings.logEvent()) {
            try {
                built = EventRedactor.withPaths(settings.redactPaths());
            } catch (IllegalArgumentException e) {
                System.err.println("bricks-observability: " + Settings.REDACT_PATHS + ": " + e.getMessage()
                        + "; event logging is off");
            }
        }
        this.redactor = built;
    }

    @Override
    public void beforeInvocation(InvocationInfo invocation) {
        Context context = invocation.context();
        FunctionInfo.completeFrom(context);
        if (!invocation.requestId().isEmpty()) {
            MDC.put(LogFields.FUNCTION_REQUEST_ID, invocation.requestId());
        }
        MDC.put(LogFields.COLD_START, invocation.coldStart() ? "true" : "false");
        MDC.put(LogFields.CORRELATION_ID, invocation.correlationId());
        TraceHeader.current().ifPresent(trace -> MDC.put(LogFields.XRAY_TRACE_ID, trace));
        if (context != null && context.getInvokedFunctionArn() != null) {
            MDC.put(LogFields.FUNCTION_ARN, context.getInvokedFunctionArn());
        }
        double rate = settings.debugSampleRate();
        if (rate > 0 && (rate >= 1 || ThreadLocalRandom.current().nextDouble() < rate)) {
            MDC.put(LogFields.DEBUG_SAMPLED, "true");
        }
        if (redactor != null && invocation.rawEvent() != null) {
            logEvent(invocation.rawEvent());
        }
    }

    private void logEvent(byte[] rawEvent) {
        String redacted;
        try {
            redacted = redactor.redact(rawEvent);
        } catch (IOException | RuntimeException e) {
            EVENT_LOG.warn("incoming event not logged: it is not well-formed JSON ({} bytes)", rawEvent.length);
            return;
        }
        EVENT_LOG.info(Markers.appendRaw(LogFields.EVENT, redacted), "incoming event");
    }

    @Override
    public void afterInvocation(InvocationInfo invocation, Throwable failure) {
        try {
            if (invocation.coldStart()) {
                writeColdStart();
            }
            BricksMetrics.flushIfCreated();
        } catch (RuntimeException e) {
            System.err.println("bricks-observability: metrics flush failed: " + e);
        } finally {
            for (String key : MDC_KEYS) {
                MDC.remove(key);
            }
        }
    }

    private void writeColdStart() {
        FunctionInfo.Values info = FunctionInfo.current();
        Map<String, String> dimensions = new LinkedHashMap<>();
        if (info.service() != null) {
            dimensions.put("service", info.service());
        }
        if (settings.metricsFunctionNameDimension() && info.functionName() != null) {
            dimensions.put("function_name", info.functionName());
        }
        new EmfWriter(settings.metricsNamespace(), settings.metricsHighResolution()).write(System.out,
                System.currentTimeMillis(), dimensions,
                List.of(new EmfWriter.Datum(COLD_START_METRIC, EmfUnit.COUNT, new double[] {1})));
    }
}
