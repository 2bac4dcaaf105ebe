package dev.bricks.local.gateway;

import dev.bricks.local.functions.FunctionInvoker;
import dev.bricks.local.functions.InvokeOutcome;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Passes invocations to the app's real invoker and counts them per function (to see authorizer caching). */
final class CountingInvoker implements FunctionInvoker {

    private final FunctionInvoker delegate;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    CountingInvoker(FunctionInvoker delegate) {
        this.delegate = delegate;
    }

    @Override
    public InvokeOutcome invoke(String functionId, byte[] event) {
        counts.computeIfAbsent(functionId, k -> new AtomicInteger()).incrementAndGet();
        return delegate.invoke(functionId, event);
    }

    /** How many times {@code functionId} was invoked. */
    int count(String functionId) {
        AtomicInteger c = counts.get(functionId);
        return c == null ? 0 : c.get();
    }
}
