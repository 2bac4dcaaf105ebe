package dev.bricks.local.template;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An {@code AWS::Serverless::Function} with {@code Globals.Function} applied and intrinsics evaluated.
 *
 * @param logicalId the resource's name in the template, the id triggers invoke it by; never null
 * @param functionName {@code FunctionName}, else the logical id; never null
 * @param artifact the built {@code CodeUri} (a zip, a jar or a directory), checked to exist; never null
 * @param handler {@code Handler}; never null
 * @param runtime {@code Runtime}, e.g. {@code java17}; never null
 * @param memoryMb {@code MemorySize} (default 128, as Lambda)
 * @param timeout {@code Timeout} (default 3 s, as Lambda); never null
 * @param environment {@code Environment.Variables}; never null, unmodifiable, in template order
 * @param reservedConcurrency {@code ReservedConcurrentExecutions}; null when not set
 * @param events the function's triggers; never null, unmodifiable
 * @param location where the resource is defined; never null
 */
public record FunctionDefinition(
        String logicalId,
        String functionName,
        Path artifact,
        String handler,
        String runtime,
        int memoryMb,
        Duration timeout,
        Map<String, String> environment,
        Integer reservedConcurrency,
        List<FunctionEvent> events,
        Location location) {

    /** Checks and copies. */
    public FunctionDefinition {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(timeout, "timeout");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        events = List.copyOf(events);
        Objects.requireNonNull(location, "location");
    }
}
