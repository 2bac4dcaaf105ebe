package dev.bricks.observability.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import dev.bricks.core.Correlation;
import dev.bricks.observability.LogFields;
import dev.bricks.observability.ObservabilityListener;
import org.slf4j.MDC;
import org.slf4j.Marker;

/**
 * Runs on the logging thread before each log statement and
 * <ul>
 *   <li>keeps the MDC's {@value LogFields#CORRELATION_ID} equal to {@link Correlation#current()} (set,
 *       replaced or removed), so a correlation a handler starts ({@code Correlation.startNew()}) or a batch
 *       record's own id shows in the lines logged under it, and a cleared one in none;</li>
 *   <li>lets DEBUG (and above) through, whatever the logger's level, on the thread of an invocation sampled
 *       for debug logging (MDC key {@value LogFields#DEBUG_SAMPLED}, set by {@link ObservabilityListener}
 *       for a fraction {@code BRICKS_LOG_DEBUG_SAMPLE_RATE} of invocations). TRACE is never forced.</li>
 * </ul>
 * Otherwise neutral. Thread-safe. In a user's logback.xml: {@code <turboFilter class="dev.bricks.observability.logback.BricksTurboFilter"/>}.
 */
public class BricksTurboFilter extends TurboFilter {

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        String correlation = Correlation.current().orElse(null);
        String inMdc = MDC.get(LogFields.CORRELATION_ID);
        if (correlation == null ? inMdc != null : !correlation.equals(inMdc)) {
            if (correlation == null) {
                MDC.remove(LogFields.CORRELATION_ID);
            } else {
                MDC.put(LogFields.CORRELATION_ID, correlation);
            }
        }
        if (level != null && level.levelInt >= Level.DEBUG_INT && MDC.get(LogFields.DEBUG_SAMPLED) != null) {
            return FilterReply.ACCEPT;
        }
        return FilterReply.NEUTRAL;
    }
}
