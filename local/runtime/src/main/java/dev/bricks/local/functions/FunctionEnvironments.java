package dev.bricks.local.functions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link FunctionInvoker} of a local app: one pool of execution environments per function (see
 * {@link FunctionSpec}), each environment a function JVM on Lambda's real runtime client. Log lines of the
 * functions and Lambda's {@code START}/{@code END}/{@code REPORT} lines go to the given {@link FunctionLogs}.
 *
 * <pre>{@code
 * try (FunctionEnvironments functions = new FunctionEnvironments(List.of(spec), FunctionLogs.discarding())) {
 *     InvokeOutcome out = functions.invoke("HelloFunction", "{}".getBytes(UTF_8));
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops every function JVM and waits for them.
 */
public final class FunctionEnvironments implements FunctionInvoker, AutoCloseable {

    private final Map<String, EnvironmentPool> pools = new LinkedHashMap<>();

    /**
     * @param functions the app's functions; not null, ids unique
     * @param logs where log lines go; not null
     */
    public FunctionEnvironments(List<FunctionSpec> functions, FunctionLogs logs) {
        Objects.requireNonNull(logs, "logs");
        for (FunctionSpec f : functions) {
            if (pools.put(f.id(), new EnvironmentPool(f, logs)) != null) {
                throw new IllegalArgumentException("two functions with id " + f.id());
            }
        }
    }

    @Override
    public InvokeOutcome invoke(String functionId, byte[] event) {
        Objects.requireNonNull(event, "event");
        return pool(functionId).invoke(event);
    }

    /** How many execution environments of the function are running now. */
    public int environmentCount(String functionId) {
        return pool(functionId).environmentCount();
    }

    /** How many environments of the function have been started so far (each one a cold start). */
    public int coldStarts(String functionId) {
        return pool(functionId).startedCount();
    }

    /** The process ids of the function's running environments (for tests and diagnostics). */
    public List<Long> processIds(String functionId) {
        return pool(functionId).pids();
    }

    /**
     * Kills (SIGKILL, like a crashed sandbox) every environment of the function that is running an invocation
     * now: the invocation gets no response (its caller sees Lambda's {@code Runtime.ExitError}) and the next
     * invocation starts a new environment. Idle environments are left alone.
     *
     * @return the killed processes' ids; empty when none was busy
     */
    public List<Long> killInFlight(String functionId) {
        return pool(functionId).killInFlight();
    }

    /**
     * The request id of the invocation whose SDK requests are signed with {@code accessKeyId}: every environment
     * is started with its own {@code AWS_ACCESS_KEY_ID} and runs one invocation at a time, so the key names the
     * invocation it runs now (or ran last). Empty for a key no running environment has (a client outside the app,
     * a function whose template sets its own key).
     */
    public Optional<String> requestSignedBy(String accessKeyId) {
        if (accessKeyId == null || !accessKeyId.startsWith(EnvironmentPool.ACCESS_KEY_PREFIX)) {
            return Optional.empty();
        }
        for (EnvironmentPool pool : pools.values()) {
            String requestId = pool.requestSignedBy(accessKeyId);
            if (requestId != null) {
                return Optional.of(requestId);
            }
        }
        return Optional.empty();
    }

    /**
     * The access key id a SigV4 request was signed with: the {@code Credential=<id>/…} of an {@code Authorization}
     * header, or the {@code <id>/…} of a presigned URL's {@code X-Amz-Credential}; null when there is none.
     */
    public static String accessKeyIdIn(String authorizationOrCredential) {
        if (authorizationOrCredential == null) {
            return null;
        }
        int at = authorizationOrCredential.indexOf("Credential=");
        int start = at < 0 ? 0 : at + "Credential=".length();
        int end = authorizationOrCredential.indexOf('/', start);
        return end <= start ? null : authorizationOrCredential.substring(start, end);
    }

    private EnvironmentPool pool(String functionId) {
        EnvironmentPool pool = pools.get(functionId);
        if (pool == null) {
            throw new UnknownFunctionException(functionId);
        }
        return pool;
    }

    /** Stops every environment of every function, in parallel, and waits for them to exit. */
    @Override
    public void close() {
        pools.values().parallelStream().forEach(EnvironmentPool::close);
    }
}
