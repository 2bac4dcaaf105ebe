package dev.bricks.local.gateway;

import dev.bricks.local.functions.FunctionInvoker;
import dev.bricks.local.functions.InvokeOutcome;
import dev.bricks.local.runtime.FunctionProcess;
import dev.bricks.local.runtime.InvocationResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test {@link FunctionInvoker} over real function JVMs: per function id a handler class and a pool of warm
 * {@link FunctionProcess}es (one invocation at a time each; another JVM when all are busy). Counts invocations.
 */
final class ProcessInvoker implements FunctionInvoker, AutoCloseable {

    private final Path deployment;
    private final Path logs;
    private final Map<String, String> handlers;
    private final Map<String, Deque<FunctionProcess>> idle = new ConcurrentHashMap<>();
    private final List<FunctionProcess> all = new ArrayList<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    /** @param handlers function id → handler class */
    ProcessInvoker(Path deployment, Path logs, Map<String, Class<?>> handlers) {
        this.deployment = deployment;
        this.logs = logs;
        this.handlers = new ConcurrentHashMap<>();
        handlers.forEach((id, c) -> this.handlers.put(id, c.getName() + "::handleRequest"));
    }

    @Override
    public InvokeOutcome invoke(String functionId, byte[] event) {
        String handler = handlers.get(functionId);
        if (handler == null) {
            throw new UnknownFunctionException(functionId);
        }
        counts.computeIfAbsent(functionId, k -> new AtomicInteger()).incrementAndGet();
        Deque<FunctionProcess> pool = idle.computeIfAbsent(functionId, k -> new ConcurrentLinkedDeque<>());
        FunctionProcess fn = pool.pollFirst();
        if (fn == null) {
            fn = FunctionProcess.builder().deployment(deployment).handler(handler).functionName(functionId)
                    .memoryMb(256).timeout(Duration.ofSeconds(20))
                    .output(logs.resolve(functionId + "-" + UUID.randomUUID() + ".log")).start();
            synchronized (all) {
                all.add(fn);
            }
        }
        try {
            FunctionProcess.Invocation inv = fn.invoke(event);
            pool.addFirst(fn);
            InvocationResult r = inv.result();
            boolean ok = r.status() == InvocationResult.Status.SUCCESS;
            return new InvokeOutcome(r.requestId(), r.payload(), ok ? null : "Unhandled", ok ? null : r.errorType(),
                    inv.report().initDuration().isPresent(), inv.report().duration());
        } catch (FunctionProcess.FunctionFailedException e) {
            fn.close();
            return new InvokeOutcome(UUID.randomUUID().toString(),
                    "{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"crashed\"}".getBytes(StandardCharsets.UTF_8),
                    "Unhandled", "Runtime.ExitError", false, Duration.ZERO);
        }
    }

    /** How many times {@code functionId} was invoked. */
    int count(String functionId) {
        AtomicInteger c = counts.get(functionId);
        return c == null ? 0 : c.get();
    }

    @Override
    public void close() {
        synchronized (all) {
            all.forEach(FunctionProcess::close);
        }
    }
}
