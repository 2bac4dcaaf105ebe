package dev.bricks.observability;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.TraceHeader;
import dev.bricks.core.spi.InvocationInfo;
import dev.bricks.core.spi.InvocationListener;
import dev.bricks.observability.internal.FunctionInfo;
import dev.bricks.observability.internal.Settings;
import dev.bricks.observability.metrics.EmfMeterRegistry;
import dev.bricks.observability.metrics.EmfUnit;
import dev.bricks.observability.metrics.EmfWriter;
import java.io.IOException;
import java.util.LinkedHashMap;
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
 *       (the trace header's {@code Root}, as Powertools writes it)
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
    private static final String TRACE_ROOT = "Root=";

    private final Settings settings;
    private final EventRedactor redactor;

    /** Reads the configuration from the environment; called by {@link java.util.ServiceLoader}. */
    public ObservabilityListener() {
        this(Settings.current());
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
        if (settings.metricsGlobalRegistry()) {
            BricksMetrics.registry(); // joins micrometer's global registry now, so its meters are flushed too
        }
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
        String trace = TraceHeader.current().orElse(null);
        if (trace != null) {
            MDC.put(LogFields.XRAY_TRACE_ID, traceId(trace));
        }
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
            for (String key : LogFields.MDC_KEYS) {
                MDC.remove(key);
            }
        }
    }

    private void writeColdStart() {
        FunctionInfo.Values info = FunctionInfo.current();
        Map<String, String> dimensions = new LinkedHashMap<>();
        if (info.service() != null) {
            dimensions.put(EmfMeterRegistry.SERVICE_DIMENSION, info.service());
        }
        if (settings.metricsFunctionNameDimension() && info.functionName() != null) {
            dimensions.put("function_name", info.functionName());
        }
        new EmfWriter(settings.metricsNamespace(), settings.metricsHighResolution())
                .writeOne(System.out, System.currentTimeMillis(), dimensions, COLD_START_METRIC, EmfUnit.COUNT, 1);
    }

    /**
     * The trace id Powertools writes: the {@code Root} of an X-Ray header
     * ({@code Root=1-5e6722a7-cc56xmpl46db7ae02d4da47e;Parent=…;Sampled=1} → {@code 1-5e6722a7-cc56xmpl46db7ae02d4da47e});
     * a header without a {@code Root} is kept whole.
     */
    static String traceId(String header) {
        for (String part : header.split(";")) {
            String field = part.trim();
            if (field.startsWith(TRACE_ROOT) && field.length() > TRACE_ROOT.length()) {
                return field.substring(TRACE_ROOT.length());
            }
        }
        return header;
    }
}
