package dev.bricks.local.console;

import java.time.Instant;
import java.util.Objects;

/**
 * One line a function (or a service of bricks-local) printed.
 *
 * @param seq the recorder's sequence number; positive
 * @param time when it was printed; never null
 * @param source the function name, or a service ({@code streams}, {@code ses}, …); never null
 * @param requestId the invocation it belongs to; null when unknown
 * @param correlationId the correlation id it carries (its JSON {@code correlation_id}, else its invocation's);
 *     null when unknown
 * @param text the line; never null
 */
public record LogLine(long seq, Instant time, String source, String requestId, String correlationId, String text) {

    /** Checks the non-null components. */
    public LogLine {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }
}
