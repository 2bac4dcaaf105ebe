package dev.bricks.observability.internal;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * The environment-wide fields of every log line (service, function name, version, memory), computed once:
 * from the environment variables Lambda sets when the class initialises, completed from the first
 * invocation's {@link Context} for values the environment did not give (off Lambda, in tests, in the local
 * runtime). An init-once cache: after the first invocation it never changes.
 *
 * <p>Thread-safe. <b>Not API</b>: shared by the module's packages; may change without notice.
 */
public final class FunctionInfo {

    /**
     * The values; fields may be null when unknown.
     *
     * @param service the {@code service} field and metrics dimension
     * @param functionName the Lambda function name
     * @param functionVersion the Lambda function version
     * @param memorySize the configured memory in MB
     */
    public record Values(String service, String functionName, String functionVersion, Integer memorySize) {}

    private static volatile Values values = initial(Settings.current());
    private static volatile boolean completed;

    private FunctionInfo() {}

    /** The values as known now; never null. */
    public static Values current() {
        return values;
    }

    private static Values initial(Settings settings) {
        return new Values(
                settings.service(),
                settings.functionName(),
                settings.functionVersion(),
                parseMemory(settings.functionMemorySize()));
    }

    /** Fills unknown values from the first invocation's context; later calls return at once. */
    public static void completeFrom(Context context) {
        if (completed || context == null) {
            return;
        }
        synchronized (FunctionInfo.class) {
            if (completed) {
                return;
            }
            Values v = values;
            String name = v.functionName() != null ? v.functionName() : context.getFunctionName();
            String service = v.service() != null ? v.service() : name;
            String version = v.functionVersion() != null ? v.functionVersion() : context.getFunctionVersion();
            Integer memory = v.memorySize() != null
                    ? v.memorySize()
                    : context.getMemoryLimitInMB() > 0 ? context.getMemoryLimitInMB() : null;
            values = new Values(service, name, version, memory);
            completed = true;
        }
    }

    private static Integer parseMemory(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
