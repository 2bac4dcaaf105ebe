package dev.bricks.local.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bricks.local.functions.FunctionLogs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Options of {@link LocalApp#start}. Build with {@link #builder()}; every option is optional.
 *
 * <pre>{@code
 * LocalAppOptions options = LocalAppOptions.builder()
 *         .port(3000)
 *         .parameterOverride("Stage", "dev")
 *         .stateDirectory(Path.of(".bricks-state"))
 *         .build();
 * }</pre>
 *
 * @param port the API gateway's port; 0 picks a free one
 * @param stateDirectory where tables, objects and mail are kept across restarts; null keeps everything in memory
 * @param parameterOverrides values of the template's {@code Parameters}; never null
 * @param environmentOverrides per function logical id (or {@code Parameters} for all functions), values for
 *     the function's declared environment variables, as SAM's {@code --env-vars} file; never null
 * @param logs where function logs, START/END/REPORT lines and the start-up table go; never null
 * @param colour whether log prefixes are coloured
 * @param faultSeed the seed of every random choice of fault injection (runs repeat)
 * @param maxEventBridgeDeliveries each event an EventBridge rule sends to a Lambda target is delivered 1 to this
 *     many times (each copy its own asynchronous invocation); 1 = exactly once
 * @param maxStreamDeliveries each batch a DynamoDB stream poller hands its function is delivered 1 to this many
 *     times; 1 = once
 * @param invocationFailures per function logical id, which invocations fail on purpose; never null
 */
public record LocalAppOptions(
        int port,
        Path stateDirectory,
        Map<String, String> parameterOverrides,
        Map<String, Map<String, String>> environmentOverrides,
        PrintStream logs,
        boolean colour,
        long faultSeed,
        int maxEventBridgeDeliveries,
        int maxStreamDeliveries,
        Map<String, InvocationFailures> invocationFailures) {

    /** Checks and copies. */
    public LocalAppOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        parameterOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(parameterOverrides));
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        environmentOverrides.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        environmentOverrides = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(logs, "logs");
        if (maxEventBridgeDeliveries < 1 || maxStreamDeliveries < 1) {
            throw new IllegalArgumentException("deliveries must be at least 1, were " + maxEventBridgeDeliveries
                    + " (EventBridge) and " + maxStreamDeliveries + " (streams)");
        }
        invocationFailures = Collections.unmodifiableMap(new LinkedHashMap<>(invocationFailures));
    }

    /** A new builder: free port, in memory, logs to {@code System.out}, colour when it is a terminal. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: free port, in memory, logs to {@code System.out}. */
    public static LocalAppOptions defaults() {
        return builder().build();
    }

    /** Builds {@link LocalAppOptions}. Not thread-safe. */
    public static final class Builder {
        private int port;
        private Path stateDirectory;
        private final Map<String, String> parameterOverrides = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> environmentOverrides = new LinkedHashMap<>();
        private PrintStream logs = System.out;
        private Boolean colour;
        private long faultSeed = 42;
        private int maxEventBridgeDeliveries = 1;
        private int maxStreamDeliveries = 1;
        private final Map<String, InvocationFailures> invocationFailures = new LinkedHashMap<>();

        private Builder() {}

        /** The API gateway's port (0-65535; 0, the default, picks a free one). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Keeps tables, objects and captured mail in this directory across restarts. */
        public Builder stateDirectory(Path dir) {
            this.stateDirectory = dir;
            return this;
        }

        /** A value for one of the template's {@code Parameters}. */
        public Builder parameterOverride(String name, String value) {
            parameterOverrides.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * A value for one of the template's {@code Parameters} as {@code sam local}'s
         * {@code --parameter-overrides} writes it: {@code Key=Value} or {@code ParameterKey=Key,ParameterValue=Value}.
         *
         * @throws IllegalArgumentException naming the token when it is neither form
         */
        public Builder parameterOverride(String token) {
            String samKey = "ParameterKey=";
            String samValue = ",ParameterValue=";
            if (token.startsWith(samKey)) {
                int comma = token.indexOf(samValue);
                if (comma < 0) {
                    throw new IllegalArgumentException("expected ParameterKey=K,ParameterValue=V, was " + token);
                }
                return parameterOverride(
                        token.substring(samKey.length(), comma), token.substring(comma + samValue.length()));
            }
            int eq = token.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected Key=Value, was " + token);
            }
            return parameterOverride(token.substring(0, eq), token.substring(eq + 1));
        }

        /**
         * The environment overrides of SAM's {@code --env-vars} file:
         * {@code {"FunctionId": {"VAR": "v"}, "Parameters": {"VAR": "v"}}}.
         *
         * @throws LocalAppException naming the file when it cannot be read or is not that shape
         */
        public Builder environmentOverrides(Path envVarsFile) {
            JsonNode root;
            try {
                root = AwsJson.JSON.readTree(Files.readAllBytes(envVarsFile));
            } catch (IOException e) {
                throw new LocalAppException("--env-vars " + envVarsFile + ": "
                        + String.valueOf(e.getMessage())
                                .replaceAll("\\s*at \\[Source.*", "")
                                .trim());
            }
            if (root == null || !root.isObject()) {
                throw new LocalAppException("--env-vars " + envVarsFile + ": expected a JSON object of function ids");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> fn = it.next();
                if (!fn.getValue().isObject()) {
                    throw new LocalAppException(
                            "--env-vars " + envVarsFile + ": " + fn.getKey() + " must map names to values");
                }
                for (Iterator<Map.Entry<String, JsonNode>> vars = fn.getValue().fields(); vars.hasNext(); ) {
                    Map.Entry<String, JsonNode> v = vars.next();
                    environmentOverride(
                            fn.getKey(),
                            v.getKey(),
                            v.getValue().isValueNode()
                                    ? v.getValue().asText()
                                    : v.getValue().toString());
                }
            }
            return this;
        }

        /**
         * A value for a declared environment variable of one function ({@code functionId} = its logical id) or,
         * with {@code functionId} {@code "Parameters"}, of every function that declares it.
         */
        public Builder environmentOverride(String functionId, String name, String value) {
            environmentOverrides
                    .computeIfAbsent(functionId, k -> new LinkedHashMap<>())
                    .put(name, value);
            return this;
        }

        /** Where logs and the start-up table go; default {@code System.out}. */
        public Builder logs(PrintStream logs) {
            this.logs = logs;
            return this;
        }

        /** Colour the log prefixes; default: when stdout is a terminal and {@code NO_COLOR} is unset. */
        public Builder colour(boolean colour) {
            this.colour = colour;
            return this;
        }

        /** The seed of fault injection's random choices (default 42): the same seed, the same faults. */
        public Builder faultSeed(long seed) {
            this.faultSeed = seed;
            return this;
        }

        /**
         * Delivers each event an EventBridge rule sends to a Lambda target 1 to {@code max} times (uniformly,
         * seeded), each copy its own asynchronous invocation, as EventBridge's at-least-once delivery may; default
         * 1 (once). {@link FaultInjection#duplicateEventBridgeDeliveries()} counts the
         * extra copies.
         */
        public Builder maxEventBridgeDeliveries(int max) {
            this.maxEventBridgeDeliveries = max;
            return this;
        }

        /**
         * Hands each DynamoDB stream batch to its function 1 to {@code max} times (uniformly, seeded; a failed
         * delivery stops the repeats and the poller retries as usual); default 1.
         */
        public Builder maxStreamDeliveries(int max) {
            this.maxStreamDeliveries = max;
            return this;
        }

        /**
         * Makes invocations of one function (its logical id) fail on purpose, reported as a function error
         * through every trigger (see {@link InvocationFailures}); replaces an earlier setting for that function.
         *
         * <pre>{@code
         * .failInvocations("UpdateInventoryFunction", InvocationFailures.fraction(0.05))
         * }</pre>
         */
        public Builder failInvocations(String functionId, InvocationFailures failures) {
            invocationFailures.put(
                    Objects.requireNonNull(functionId, "functionId"), Objects.requireNonNull(failures, "failures"));
            return this;
        }

        /** The options. */
        public LocalAppOptions build() {
            return new LocalAppOptions(
                    port,
                    stateDirectory,
                    parameterOverrides,
                    environmentOverrides,
                    logs,
                    colour != null ? colour : FunctionLogs.colourWanted(),
                    faultSeed,
                    maxEventBridgeDeliveries,
                    maxStreamDeliveries,
                    invocationFailures);
        }
    }
}
