package dev.bricks.local.functions;

import dev.bricks.local.runtime.FunctionProcess;
import dev.bricks.local.runtime.FunctionProcess.FunctionFailedException;
import dev.bricks.local.runtime.InvocationReport;
import dev.bricks.local.runtime.InvocationResult;
import dev.bricks.local.runtime.RuntimeApiServer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The execution environments of one function, as Lambda keeps them: started on first use (a cold start), kept
 * warm and reused, one more when all are busy, up to the function's concurrency (callers beyond it wait for a
 * free environment). A timeout kills the environment; a crashed one is replaced on the next invocation; when
 * the artifact changes on disk, every environment of the old version is stopped before the next invocation.
 * Thread-safe.
 */
final class EnvironmentPool implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(2);
    private static final String ACCESS_KEY_VARIABLE = "AWS_ACCESS_KEY_ID";
    /** Each environment's own access key id: this prefix and 12 random hex digits. */
    static final String ACCESS_KEY_PREFIX = "AKIDBRICKSENV";
    /** Lambda allows 10 s of init; a JVM on a loaded laptop or CI machine starts slower, so twice that. */
    static final Duration INIT_TIMEOUT = Duration.ofSeconds(20);

    private final FunctionSpec spec;
    private final FunctionLogs logs;
    private final Semaphore permits;
    private final Deque<Environment> idle = new ArrayDeque<>();
    private final List<Environment> all = new ArrayList<>();
    private final AtomicInteger started = new AtomicInteger();
    private final List<Deployment> oldDeployments = new ArrayList<>();
    private Deployment deployment;
    private int generation;
    private boolean closed;

    /**
     * {@code request}: the invocation the environment's output lines belong to (the last one it started);
     * {@code accessKeyId}: the credentials it was started with, its own, so the requests its invocations sign
     * name it (see {@link #requestSignedBy}).
     */
    private record Environment(
            FunctionProcess process, int generation, AtomicReference<String> request, String accessKeyId) {}

    EnvironmentPool(FunctionSpec spec, FunctionLogs logs) {
        this.spec = spec;
        this.logs = logs;
        this.permits = new Semaphore(spec.maxConcurrency(), true);
    }

    InvokeOutcome invoke(byte[] event) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(
                    UUID.randomUUID().toString(),
                    "Runtime.Unknown",
                    "Interrupted while waiting for an environment",
                    false,
                    Duration.ZERO);
        }
        Environment env = null;
        String requestId = UUID.randomUUID().toString();
        try {
            boolean cold;
            // read outside the lock: for a directory artifact it walks the tree, which must not serialise requests
            String fingerprint = Deployment.fingerprint(spec.artifact());
            synchronized (this) {
                if (closed) {
                    return error(requestId, "Runtime.Unknown", "bricks-local is shutting down", false, Duration.ZERO);
                }
                recycleIfChanged(fingerprint);
                env = idle.pollFirst();
                while (env != null && !env.process().isAlive()) {
                    logs.line(
                            spec.functionName(), "environment " + env.process().pid() + " had exited; replacing it");
                    retire(env);
                    env = idle.pollFirst();
                }
                cold = env == null;
            }
            if (cold) {
                try {
                    env = start();
                } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
                    return error(
                            requestId,
                            "Runtime.Unknown",
                            "Could not start an environment: " + e.getMessage(),
                            true,
                            Duration.ZERO);
                }
            }
            env.request().set(requestId);
            logs.invocationLine(spec.functionName(), requestId, "START RequestId: " + requestId + " Version: $LATEST");
            InvokeOutcome outcome;
            try {
                FunctionProcess.Invocation inv = env.process().invoke(requestId, event, spec.timeout());
                InvocationResult r = inv.result();
                outcome = r.status() == InvocationResult.Status.SUCCESS
                        ? new InvokeOutcome(requestId, r.payload(), null, null, cold, r.duration())
                        : new InvokeOutcome(
                                requestId,
                                r.payload(),
                                "Unhandled",
                                r.errorType() != null ? r.errorType() : "Unhandled",
                                cold,
                                r.duration());
                logs.invocationLines(
                        spec.functionName(), requestId, "END RequestId: " + requestId, reportLine(inv.report()));
            } catch (FunctionFailedException e) {
                outcome = failure(requestId, e, cold);
                Environment dead = env;
                env = null;
                synchronized (this) {
                    retire(dead);
                }
            }
            return outcome;
        } finally {
            if (env != null) {
                synchronized (this) {
                    if (!closed
                            && env.generation() == generation
                            && env.process().isAlive()) {
                        idle.addFirst(env);
                    } else {
                        retire(env);
                    }
                }
            }
            permits.release();
        }
    }

    private InvokeOutcome failure(String requestId, FunctionFailedException e, boolean cold) {
        String name = spec.functionName();
        if (e.reason() == FunctionFailedException.Reason.TIMED_OUT
                && e.initError().isEmpty()) {
            String seconds = String.format(Locale.ROOT, "%.2f", spec.timeout().toMillis() / 1000.0);
            String message = Instant.now() + " " + requestId + " Task timed out after " + seconds + " seconds";
            logs.line(name, "END RequestId: " + requestId);
            logs.line(
                    name,
                    "REPORT RequestId: " + requestId + "\tDuration: "
                            + spec.timeout().toMillis() + ".00 ms\tMemory Size: " + spec.memoryMb()
                            + " MB\tStatus: timeout");
            logs.line(name, message);
            return error(requestId, "Sandbox.Timedout", message, cold, spec.timeout());
        }
        if (e.initError().isPresent()) {
            RuntimeApiServer.RuntimeError init = e.initError().get();
            String type = init.errorType() != null && init.errorType().startsWith("Runtime.")
                    ? init.errorType()
                    : "Runtime.Unknown";
            logs.line(name, "INIT_REPORT Status: error\tError Type: " + type);
            return new InvokeOutcome(
                    requestId, init.body().getBytes(StandardCharsets.UTF_8), "Unhandled", type, cold, Duration.ZERO);
        }
        String message = "RequestId: " + requestId + " Error: Runtime exited"
                + (e.reason() == FunctionFailedException.Reason.INTERRUPTED ? " (interrupted)" : " unexpectedly");
        logs.line(name, "END RequestId: " + requestId);
        logs.line(name, message);
        return error(requestId, "Runtime.ExitError", message, cold, Duration.ZERO);
    }

    /** Lambda's REPORT line: Duration, Billed Duration, Memory Size, Max Memory Used, Init Duration. */
    private String reportLine(InvocationReport r) {
        StringBuilder b = new StringBuilder("REPORT RequestId: ")
                .append(r.requestId())
                .append("\tDuration: ")
                .append(millis(r.duration()))
                .append(" ms")
                .append("\tBilled Duration: ")
                .append((long) Math.ceil(r.duration().toNanos() / 1e6))
                .append(" ms")
                .append("\tMemory Size: ")
                .append(spec.memoryMb())
                .append(" MB");
        r.maxMemoryUsedKb()
                .ifPresent(
                        kb -> b.append("\tMax Memory Used: ").append(kb / 1024).append(" MB"));
        r.initDuration()
                .ifPresent(d -> b.append("\tInit Duration: ").append(millis(d)).append(" ms"));
        return b.toString();
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.2f", d.toNanos() / 1e6);
    }

    private static InvokeOutcome error(String requestId, String type, String message, boolean cold, Duration d) {
        String body = "{\"errorType\":\"" + type + "\",\"errorMessage\":\""
                + message.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
        return new InvokeOutcome(requestId, body.getBytes(StandardCharsets.UTF_8), "Unhandled", type, cold, d);
    }

    /** Caller holds the lock; {@code now} is the artifact's current fingerprint. */
    private void recycleIfChanged(String now) {
        if (deployment == null) {
            deployment = Deployment.of(spec.artifact(), spec.functionName());
            return;
        }
        if (now.equals(deployment.fingerprint())) {
            return;
        }
        logs.line(
                spec.functionName(),
                spec.artifact().getFileName() + " changed on disk: recycling " + all.size() + " environment(s)");
        Deployment old = deployment;
        deployment = Deployment.of(spec.artifact(), spec.functionName());
        generation++;
        for (Environment e : new ArrayList<>(idle)) {
            retire(e);
        }
        idle.clear();
        if (all.isEmpty()) {
            old.discard();
        } else {
            oldDeployments.add(old);
        }
    }

    private Environment start() {
        Deployment d;
        int gen;
        synchronized (this) {
            d = deployment;
            gen = generation;
        }
        AtomicReference<String> request = new AtomicReference<>();
        FunctionProcess.Builder b = FunctionProcess.builder()
                .deployment(d.runnable())
                .handler(spec.handler())
                .functionName(spec.functionName())
                .memoryMb(spec.memoryMb())
                .timeout(spec.timeout())
                .initTimeout(INIT_TIMEOUT)
                .javaHome(spec.javaHome())
                .outputLines(line -> logs.invocationLine(spec.functionName(), request.get(), line));
        spec.environment().forEach(b::environment);
        String accessKeyId = spec.environment().get(ACCESS_KEY_VARIABLE);
        if (accessKeyId == null) {
            accessKeyId = ACCESS_KEY_PREFIX
                    + UUID.randomUUID()
                            .toString()
                            .replace("-", "")
                            .substring(0, 12)
                            .toUpperCase(Locale.ROOT);
            b.environment(ACCESS_KEY_VARIABLE, accessKeyId);
        }
        FunctionProcess p = b.start();
        started.incrementAndGet();
        Environment env = new Environment(p, gen, request, accessKeyId);
        synchronized (this) {
            all.add(env);
        }
        return env;
    }

    /** Stops an environment in the background and forgets it. Caller holds the lock. */
    private void retire(Environment env) {
        all.remove(env);
        idle.remove(env);
        Thread stopper = new Thread(
                () -> env.process().stop(STOP_GRACE),
                "bricks-stop-" + env.process().pid());
        stopper.setDaemon(true);
        stopper.start();
        if (all.stream().noneMatch(e -> e.generation() != generation)) {
            oldDeployments.forEach(Deployment::discard);
            oldDeployments.clear();
        }
    }

    /**
     * Kills (SIGKILL) every environment that is running an invocation now; their callers get a
     * {@code Runtime.ExitError} outcome and the next invocation starts a new environment.
     *
     * @return the killed processes' ids
     */
    List<Long> killInFlight() {
        List<Environment> busy;
        synchronized (this) {
            busy = all.stream().filter(e -> !idle.contains(e)).toList();
        }
        for (Environment e : busy) {
            e.process().kill();
        }
        return busy.stream().map(e -> e.process().pid()).toList();
    }

    /**
     * The invocation that the environment started with {@code accessKeyId} runs now (or ran last: it runs one at a
     * time); null when no environment of this function has that key.
     */
    synchronized String requestSignedBy(String accessKeyId) {
        for (Environment e : all) {
            if (e.accessKeyId().equals(accessKeyId)) {
                return e.request().get();
            }
        }
        return null;
    }

    /** How many environments are running now. */
    synchronized int environmentCount() {
        return all.size();
    }

    /** How many environments have been started so far (cold starts). */
    int startedCount() {
        return started.get();
    }

    /** The process ids of the running environments. */
    synchronized List<Long> pids() {
        return all.stream().map(e -> e.process().pid()).toList();
    }

    /** Stops every environment and waits for them to exit. */
    @Override
    public void close() {
        List<Environment> toStop;
        synchronized (this) {
            closed = true;
            toStop = new ArrayList<>(all);
            all.clear();
            idle.clear();
        }
        toStop.parallelStream().forEach(e -> e.process().stop(STOP_GRACE));
        synchronized (this) {
            if (deployment != null) {
                deployment.discard();
            }
            oldDeployments.forEach(Deployment::discard);
        }
    }
}
