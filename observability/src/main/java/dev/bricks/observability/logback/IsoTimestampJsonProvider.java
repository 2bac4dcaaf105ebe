package dev.bricks.observability.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bricks.observability.LogFields;
import java.io.IOException;
import net.logstash.logback.composite.AbstractJsonProvider;

/**
 * Writes {@code "timestamp":"2026-11-26T22:41:07.123Z"} (ISO-8601, UTC, milliseconds) with plain arithmetic
 * instead of {@code java.time} formatters, which would load ~80 more classes on a cold start. Stateless and
 * thread-safe. In a user's logback.xml: {@code <provider class="dev.bricks.observability.logback.IsoTimestampJsonProvider"/>}.
 */
public class IsoTimestampJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

    @Override
    public void writeTo(JsonGenerator generator, ILoggingEvent event) throws IOException {
        generator.writeStringField(LogFields.TIMESTAMP, format(event.getTimeStamp()));
    }

    /** Epoch milliseconds as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC (years 0000–9999). */
    static String format(long epochMillis) {
        return IsoTimestamp.format(epochMillis);
    }
}
