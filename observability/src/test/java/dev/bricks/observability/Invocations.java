package dev.bricks.observability;

import dev.bricks.core.Correlation;
import dev.bricks.core.TraceHeader;
import dev.bricks.core.invoke.LocalContext;
import dev.bricks.core.spi.InvocationInfo;
import dev.bricks.core.spi.InvocationListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Drives a listener the way core's handler base classes do. */
public final class Invocations {

    public static final String FUNCTION = "orders-fn";

    private Invocations() {}

    public static InvocationInfo info(String requestId, String correlationId, boolean coldStart, String rawEvent) {
        return new InvocationInfo(
                InvocationInfo.Trigger.HTTP,
                requestId,
                coldStart,
                correlationId,
                LocalContext.of(requestId, FUNCTION, 512, Duration.ofSeconds(10)),
                null,
                rawEvent == null ? null : rawEvent.getBytes(StandardCharsets.UTF_8));
    }

    /** Sets correlation and trace header, calls before, runs the body, calls after (finally), clears. */
    public static void run(InvocationListener listener, InvocationInfo info, String traceHeader, ThrowingRunnable body)
            throws Exception {
        if (traceHeader != null) {
            System.setProperty(TraceHeader.SYSTEM_PROPERTY, traceHeader);
        }
        Correlation.set(info.correlationId());
        listener.beforeInvocation(info);
        Throwable failure = null;
        try {
            body.run();
        } catch (Exception | Error e) {
            failure = e;
            throw e;
        } finally {
            listener.afterInvocation(info, failure);
            Correlation.clear();
            System.clearProperty(TraceHeader.SYSTEM_PROPERTY);
        }
    }

    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
