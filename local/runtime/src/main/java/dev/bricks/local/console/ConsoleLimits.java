package dev.bricks.local.console;

/**
 * How much the dev console keeps in memory: the newest traces and log lines; older ones are dropped and counted.
 *
 * @param traces traces kept, at least 1 (default {@value #DEFAULT_TRACES})
 * @param logLines log lines kept, at least 1 (default {@value #DEFAULT_LOG_LINES})
 */
public record ConsoleLimits(int traces, int logLines) {

    /** Traces kept by default. */
    public static final int DEFAULT_TRACES = 1_000;
    /** Log lines kept by default. */
    public static final int DEFAULT_LOG_LINES = 50_000;
    /** Steps kept per trace; a trace beyond it counts its dropped steps. */
    public static final int STEPS_PER_TRACE = 1_000;

    /** Checks the limits. */
    public ConsoleLimits {
        if (traces < 1) {
            throw new IllegalArgumentException("console trace limit must be positive, was " + traces);
        }
        if (logLines < 1) {
            throw new IllegalArgumentException("console log line limit must be positive, was " + logLines);
        }
    }

    /** 1 000 traces, 50 000 log lines. */
    public static ConsoleLimits defaults() {
        return new ConsoleLimits(DEFAULT_TRACES, DEFAULT_LOG_LINES);
    }
}
