package dev.bricks.local.functions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to run one function's execution environments.
 *
 * @param id the function's logical id, the name triggers invoke it by; never null
 * @param functionName {@code AWS_LAMBDA_FUNCTION_NAME} and the log prefix; never null
 * @param artifact the built code: a zip (extracted for each version), a jar or a directory; never null
 * @param handler {@code package.Class::method} or {@code package.Class}; never null
 * @param javaHome the JDK the environments run on; never null
 * @param memoryMb {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}, sizes the heap (128-10240)
 * @param timeout the function timeout; never null, positive
 * @param environment the function's variables plus the local services' ({@code AWS_ENDPOINT_URL_*}); never null
 * @param maxConcurrency how many environments may run at once (Lambda's reserved concurrency); at least 1
 */
public record FunctionSpec(
        String id,
        String functionName,
        Path artifact,
        String handler,
        Path javaHome,
        int memoryMb,
        Duration timeout,
        Map<String, String> environment,
        int maxConcurrency) {

    /** Default concurrency when the template reserves none. */
    public static final int DEFAULT_CONCURRENCY = 4;

    /** Checks and copies. */
    public FunctionSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(javaHome, "javaHome");
        Objects.requireNonNull(timeout, "timeout");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
        }
    }
}
