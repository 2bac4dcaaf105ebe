package dev.bricks.core;

import java.util.Optional;

/**
 * The AWS X-Ray trace header of the current invocation ({@code Root=1-…;Parent=…;Sampled=…}).
 *
 * <p>Lambda's Java runtime sets the system property {@value #SYSTEM_PROPERTY} for each invocation; the
 * environment variable {@value #ENV_VARIABLE} is the fallback (set by Lambda and by Bricks' local runtime).
 */
public final class TraceHeader {

    /** System property the Lambda Java runtime updates per invocation. */
    public static final String SYSTEM_PROPERTY = "com.amazonaws.xray.traceHeader";
    /** Environment variable holding the trace header. */
    public static final String ENV_VARIABLE = "_X_AMZN_TRACE_ID";

    private TraceHeader() {}

    /** The current trace header, or empty when there is none. */
    public static Optional<String> current() {
        String value = System.getProperty(SYSTEM_PROPERTY);
        if (value == null || value.isEmpty()) {
            value = System.getenv(ENV_VARIABLE);
        }
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
