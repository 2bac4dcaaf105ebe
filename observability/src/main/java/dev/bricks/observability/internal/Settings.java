package dev.bricks.observability.internal;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The module's configuration, read from environment variables. A JVM system property of the same name wins
 * over the environment variable (handy for tests and {@code JAVA_TOOL_OPTIONS}). Immutable, thread-safe.
 *
 * <p><b>Not API</b>: shared by the module's packages ({@code logback}, {@code metrics}, the listener); it may
 * change without notice. Users configure the module through the environment variables, documented in the
 * module's README.
 */
public record Settings(
        String service,
        String functionName,
        String functionVersion,
        String functionMemorySize,
        String logLevel,
        double debugSampleRate,
        boolean logEvent,
        String redactPaths,
        String metricsNamespace,
        boolean metricsFunctionNameDimension,
        boolean metricsHighResolution,
        boolean metricsGlobalRegistry) {

    public static final String SERVICE = "BRICKS_SERVICE_NAME";
    public static final String LOG_LEVEL = "LOG_LEVEL";
    public static final String DEBUG_SAMPLE_RATE = "BRICKS_LOG_DEBUG_SAMPLE_RATE";
    public static final String LOG_EVENT = "BRICKS_LOG_EVENT";
    public static final String REDACT_PATHS = "BRICKS_LOG_REDACT_PATHS";
    public static final String METRICS_NAMESPACE = "BRICKS_METRICS_NAMESPACE";
    public static final String METRICS_FUNCTION_NAME = "BRICKS_METRICS_FUNCTION_NAME_DIMENSION";
    public static final String METRICS_HIGH_RESOLUTION = "BRICKS_METRICS_HIGH_RESOLUTION";
    public static final String FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";
    public static final String FUNCTION_VERSION = "AWS_LAMBDA_FUNCTION_VERSION";
    public static final String FUNCTION_MEMORY = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";
    public static final String METRICS_GLOBAL_REGISTRY = "BRICKS_METRICS_GLOBAL_REGISTRY";

    /** Default metrics namespace when {@value #METRICS_NAMESPACE} is not set. */
    public static final String DEFAULT_NAMESPACE = "Bricks";

    /**
     * The settings of this process, read once (on first use) and kept: an init-once cache, so a bad value is
     * reported once however many of the module's parts (logback set-up, listener, metrics registry) read it.
     */
    public static Settings current() {
        return Current.SETTINGS;
    }

    private static final class Current {
        static final Settings SETTINGS = fromEnvironmentQuietly();
    }

    /** The settings of this process (system properties, then environment), read now. */
    static Settings fromEnvironment() {
        return from(new Environment());
    }

    /** System property, else environment variable (a class, not a lambda: no class spun on a cold start). */
    private static final class Environment implements UnaryOperator<String> {
        @Override
        public String apply(String name) {
            String value = System.getProperty(name);
            return value != null ? value : System.getenv(name);
        }
    }

    /**
     * Like {@link #fromEnvironment()}, but a bad {@value #DEBUG_SAMPLE_RATE} is reported on stderr and
     * ignored (sampling off) instead of failing logging's initialisation.
     */
    private static Settings fromEnvironmentQuietly() {
        try {
            return fromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println("bricks-observability: " + e.getMessage() + "; debug sampling is off");
            return from(name -> DEBUG_SAMPLE_RATE.equals(name)
                    ? null
                    : System.getProperty(name) != null ? System.getProperty(name) : System.getenv(name));
        }
    }

    /**
     * Settings from a lookup returning null for unset names.
     *
     * @throws IllegalArgumentException naming {@value #DEBUG_SAMPLE_RATE} when it is not a number in [0, 1]
     */
    public static Settings from(UnaryOperator<String> lookup) {
        String functionName = blankToNull(lookup.apply(FUNCTION_NAME));
        String service = blankToNull(lookup.apply(SERVICE));
        return new Settings(
                service != null ? service : functionName,
                functionName,
                blankToNull(lookup.apply(FUNCTION_VERSION)),
                blankToNull(lookup.apply(FUNCTION_MEMORY)),
                blankToNull(lookup.apply(LOG_LEVEL)),
                rate(lookup.apply(DEBUG_SAMPLE_RATE)),
                flag(lookup.apply(LOG_EVENT)),
                blankToNull(lookup.apply(REDACT_PATHS)),
                orDefault(lookup.apply(METRICS_NAMESPACE), DEFAULT_NAMESPACE),
                flag(lookup.apply(METRICS_FUNCTION_NAME)),
                flag(lookup.apply(METRICS_HIGH_RESOLUTION)),
                !"false".equalsIgnoreCase(blankToNull(lookup.apply(METRICS_GLOBAL_REGISTRY))));
    }

    private static double rate(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        double rate;
        try {
            rate = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    DEBUG_SAMPLE_RATE + " must be a number between 0 and 1, was '" + value + "'", e);
        }
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(DEBUG_SAMPLE_RATE + " must be between 0 and 1, was " + value);
        }
        return rate;
    }

    private static boolean flag(String value) {
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("true");
    }

    private static String orDefault(String value, String fallback) {
        String v = blankToNull(value);
        return v == null ? fallback : v;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
