package dev.bricks.local.app;

import dev.bricks.local.dynamodb.EngineCall;
import dev.bricks.local.dynamodb.LocalDynamoDb;
import dev.bricks.local.functions.FunctionEnvironments;
import dev.bricks.local.functions.FunctionInvoker;
import dev.bricks.local.functions.InvokeOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The fault injection of a running {@link LocalApp} ({@link LocalApp#faults()}): the duplicate deliveries and
 * failing invocations configured in {@link LocalAppOptions}, their counters, and kill hooks that SIGKILL a
 * function's JVM right after a chosen DynamoDB write is applied, before the function sees the response.
 *
 * <pre>{@code
 * CompletableFuture<KilledEnvironments> kill = app.faults().killAfterNextTransactWrite("PlaceOrderFunction");
 * HttpResponse<String> r = http.send(post("/orders"), ofString());     // 500 (HTTP API): the sandbox died
 * kill.join();                                                         // which JVM, after which call
 * }</pre>
 *
 * <p>Random choices are drawn from the options' {@code faultSeed}, per function and per invocation number (per
 * rule and event number for deliveries), so the same sequence of invocations fails the same way on every run.
 * Thread-safe.
 */
public final class FaultInjection {

    private final long seed;
    private final int maxEventBridgeDeliveries;
    private final int maxStreamDeliveries;
    private final Map<String, InvocationFailures> failures;
    private final Consumer<String> log;
    private final Map<String, AtomicLong> invocations = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> injected = new ConcurrentHashMap<>();
    private final Map<DeliverySource, AtomicLong> deliveries = new ConcurrentHashMap<>();
    private final Map<DeliverySource, AtomicInteger> extraDeliveries = new ConcurrentHashMap<>();
    private final List<KillHook> kills = new CopyOnWriteArrayList<>();
    private volatile boolean enabled = true;
    private volatile FunctionEnvironments functions;

    private enum DeliverySource {
        EVENTBRIDGE,
        STREAM
    }

    private record KillHook(
            String functionId, Predicate<EngineCall> after, CompletableFuture<KilledEnvironments> done) {}

    FaultInjection(LocalAppOptions options, Consumer<String> log) {
        this.seed = options.faultSeed();
        this.maxEventBridgeDeliveries = options.maxEventBridgeDeliveries();
        this.maxStreamDeliveries = options.maxStreamDeliveries();
        this.failures = options.invocationFailures();
        this.log = log;
    }

    /** Binds the functions and listens to the app's DynamoDB engine for kill hooks. */
    void bind(FunctionEnvironments functions, LocalDynamoDb dynamo) {
        for (String id : failures.keySet()) {
            functions.environmentCount(id); // an unknown id fails here, naming it
        }
        this.functions = functions;
        dynamo.addCallListener(this::onDynamoDbCall);
    }

    /**
     * SIGKILLs the environment(s) of {@code functionId} that are running an invocation, right after the first
     * DynamoDB operation matching {@code after} that happens while one is: the operation is applied, its response
     * is never read, the invocation's caller gets Lambda's {@code Runtime.ExitError} (HTTP API: 500, REST API: 502;
     * asynchronous and stream invocations: retried), and the next invocation starts a new environment. One shot.
     *
     * @param functionId the function's logical id; not null
     * @param after which operation (see {@link EngineCall#committedWrite()}); not null
     * @return completes when the hook fired
     * @throws FunctionInvoker.UnknownFunctionException when the app has no such function
     */
    public CompletableFuture<KilledEnvironments> killWhen(String functionId, Predicate<EngineCall> after) {
        Objects.requireNonNull(after, "after");
        FunctionEnvironments f = functions;
        if (f != null) {
            f.environmentCount(functionId);
        }
        KillHook hook = new KillHook(functionId, after, new CompletableFuture<>());
        kills.add(hook);
        return hook.done();
    }

    /** {@link #killWhen} after the next {@code TransactWriteItems} that commits while the function runs. */
    public CompletableFuture<KilledEnvironments> killAfterNextTransactWrite(String functionId) {
        return killWhen(
                functionId, call -> call.committedWrite() && call.operation().equals("TransactWriteItems"));
    }

    /** {@link #killWhen} after the next committed write (any write operation) to {@code tableName}. */
    public CompletableFuture<KilledEnvironments> killAfterNextWrite(String functionId, String tableName) {
        Objects.requireNonNull(tableName, "tableName");
        return killWhen(
                functionId, call -> call.committedWrite() && call.tables().contains(tableName));
    }

    /** How many invocations of the function failed on purpose so far. */
    public int injectedFailures(String functionId) {
        AtomicInteger n = injected.get(functionId);
        return n == null ? 0 : n.get();
    }

    /** How many extra (duplicate) deliveries EventBridge targets made so far. */
    public int duplicateEventBridgeDeliveries() {
        return extra(DeliverySource.EVENTBRIDGE).get();
    }

    /** How many extra (duplicate) batch deliveries stream pollers made so far. */
    public int duplicateStreamDeliveries() {
        return extra(DeliverySource.STREAM).get();
    }

    private AtomicInteger extra(DeliverySource source) {
        return extraDeliveries.computeIfAbsent(source, k -> new AtomicInteger());
    }

    /** Stops injecting: no more failures or duplicates, kill hooks not yet fired are dropped. */
    public void clear() {
        enabled = false;
        kills.clear();
    }

    private void onDynamoDbCall(EngineCall call) {
        FunctionEnvironments f = functions;
        if (f == null || kills.isEmpty()) {
            return;
        }
        for (KillHook hook : kills) {
            if (!hook.after().test(call)) {
                continue;
            }
            synchronized (hook) {
                if (hook.done().isDone()) {
                    continue;
                }
                List<Long> pids = f.killInFlight(hook.functionId());
                if (!pids.isEmpty()) {
                    kills.remove(hook);
                    log.accept("killed " + hook.functionId() + " (pid " + pids + ") after " + call.operation() + " "
                            + call.tables());
                    hook.done().complete(new KilledEnvironments(hook.functionId(), pids, call));
                }
            }
        }
    }

    /** How many times an EventBridge target gets the next event: 1 to the configured maximum. */
    int eventBridgeDeliveries() {
        return copies(maxEventBridgeDeliveries, DeliverySource.EVENTBRIDGE);
    }

    private int copies(int max, DeliverySource source) {
        if (max <= 1 || !enabled) {
            return 1;
        }
        long number = deliveries.computeIfAbsent(source, k -> new AtomicLong()).incrementAndGet();
        int n = 1 + (int) (roll(source.name(), number) * max);
        extra(source).addAndGet(n - 1);
        return n;
    }

    /** Invokes each batch 1 to the configured maximum times (stopping at a failure, which the poller retries). */
    FunctionInvoker repeatingStreamBatches(FunctionInvoker delegate) {
        return (functionId, event) -> {
            int n = copies(maxStreamDeliveries, DeliverySource.STREAM);
            InvokeOutcome outcome = delegate.invoke(functionId, event);
            for (int i = 1; i < n && outcome.succeeded(); i++) {
                outcome = delegate.invoke(functionId, event);
            }
            return outcome;
        };
    }

    /** Fails the configured share of invocations, as a function error. */
    FunctionInvoker failing(FunctionInvoker delegate) {
        if (failures.isEmpty()) {
            return delegate;
        }
        return (functionId, event) -> {
            InvocationFailures f = enabled ? failures.get(functionId) : null;
            if (f == null) {
                return delegate.invoke(functionId, event);
            }
            long n = invocations
                    .computeIfAbsent(functionId, k -> new AtomicLong())
                    .incrementAndGet();
            if (!(roll(functionId, n) < f.fraction() || f.when().test(new String(event, StandardCharsets.UTF_8)))) {
                return delegate.invoke(functionId, event);
            }
            if (f.point() == FailurePoint.AFTER_HANDLER) {
                InvokeOutcome real = delegate.invoke(functionId, event);
                return real.succeeded()
                        ? injectedFailure(functionId, n, real.requestId(), real.coldStart(), real.duration(), f)
                        : real;
            }
            return injectedFailure(functionId, n, UUID.randomUUID().toString(), false, Duration.ZERO, f);
        };
    }

    private InvokeOutcome injectedFailure(
            String functionId, long n, String requestId, boolean cold, Duration duration, InvocationFailures f) {
        injected.computeIfAbsent(functionId, k -> new AtomicInteger()).incrementAndGet();
        String where = f.point() == FailurePoint.AFTER_HANDLER ? "after" : "before";
        log.accept("invocation " + n + " of " + functionId + " failed on purpose (" + where + " the handler)");
        String body = "{\"errorType\":\"" + InvocationFailures.ERROR_TYPE + "\",\"errorMessage\":\"bricks-local"
                + " fault injection: invocation " + n + " of " + functionId + " failed " + where + " the handler\"}";
        return new InvokeOutcome(
                requestId,
                body.getBytes(StandardCharsets.UTF_8),
                "Unhandled",
                InvocationFailures.ERROR_TYPE,
                cold,
                duration);
    }

    /** A number in [0, 1) fixed by the seed, the stream of decisions and the decision's number. */
    private double roll(String stream, long n) {
        return new SplittableRandom(seed ^ (stream.hashCode() * 0x9E3779B97F4A7C15L) ^ (n * 0xBF58476D1CE4E5B9L))
                .nextDouble();
    }
}
