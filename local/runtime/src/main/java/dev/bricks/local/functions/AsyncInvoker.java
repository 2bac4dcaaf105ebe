package dev.bricks.local.functions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Invokes functions asynchronously, as Lambda does for {@code InvocationType=Event} (S3 notifications,
 * EventBridge targets): {@link #invoke} queues the event and returns at once; a queue per function hands events
 * to a {@link FunctionInvoker}; a failed attempt (function error, timeout, crash, init failure) is retried
 * {@link AsyncInvokeConfig#maximumRetryAttempts()} times with a doubling delay; an event that fails every
 * attempt, or gets older than {@link AsyncInvokeConfig#maximumEventAge()}, lands in the dead-letter list
 * ({@link #deadLetters()}) and is printed once through the log sink.
 *
 * <p>Thread-safe. {@link #close()} stops the workers; events still queued or waiting for a retry are dropped
 * (as an environment shutting down would drop them), which {@link #awaitIdle} lets tests avoid.
 *
 * <pre>{@code
 * try (AsyncInvoker async = new AsyncInvoker(invoker, AsyncInvokeConfig.LOCAL_DEFAULT, System.out::println)) {
 *     String requestId = async.invoke("ThumbnailFunction", s3EventJson);
 *     async.awaitIdle(Duration.ofSeconds(30));
 *     async.deadLetters().forEach(d -> System.out.println(d.toLogLine()));
 * }
 * }</pre>
 */
public final class AsyncInvoker implements AutoCloseable {

    private final FunctionInvoker invoker;
    private final AsyncInvokeConfig config;
    private final Consumer<String> log;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, ExecutorService> queues = new ConcurrentHashMap<>();
    private final ScheduledExecutorService retries;
    private final List<AsyncDeadLetter> deadLetters = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object idle = new Object();
    private volatile boolean closed;

    /**
     * @param invoker the synchronous invoker each attempt goes through; not null
     * @param config the retry behaviour; not null
     * @param log receives one line per dead letter; not null ({@code line -> {}} to stay silent)
     */
    public AsyncInvoker(FunctionInvoker invoker, AsyncInvokeConfig config, Consumer<String> log) {
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.config = Objects.requireNonNull(config, "config");
        this.log = Objects.requireNonNull(log, "log");
        this.retries = Executors.newSingleThreadScheduledExecutor(daemon("bricks-async-retry"));
    }

    /** The retry behaviour this invoker was built with. */
    public AsyncInvokeConfig config() {
        return config;
    }

    /**
     * Queues one event for {@code functionId} and returns at once, as Lambda answers {@code 202 Accepted}.
     *
     * @param functionId the function's logical id; not null. An id the invoker does not know ends in the
     *     dead-letter list with error type {@code ResourceNotFoundException}
     * @param event the payload; not null
     * @return the asynchronous request id (a UUID), also found in the dead letter if it fails
     * @throws IllegalStateException after {@link #close()}
     */
    public String invoke(String functionId, byte[] event) {
        Objects.requireNonNull(functionId, "functionId");
        Objects.requireNonNull(event, "event");
        if (closed) {
            throw new IllegalStateException("AsyncInvoker is closed");
        }
        Job job = new Job(functionId, UUID.randomUUID().toString(), event.clone(), clock.instant());
        inFlight.incrementAndGet();
        submit(job);
        return job.requestId;
    }

    /** A snapshot of the events given up on, oldest first. */
    public List<AsyncDeadLetter> deadLetters() {
        synchronized (deadLetters) {
            return List.copyOf(deadLetters);
        }
    }

    /**
     * Waits until no event is queued, running or waiting for a retry.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
        return true;
    }

    /** Stops the workers and the retry timer; queued events are dropped. Idempotent. */
    @Override
    public void close() {
        closed = true;
        retries.shutdownNow();
        queues.values().forEach(ExecutorService::shutdownNow);
    }

    private void submit(Job job) {
        if (closed) {
            finished();
            return;
        }
        queues.computeIfAbsent(
                        job.functionId,
                        id -> Executors.newFixedThreadPool(config.workersPerFunction(), daemon("bricks-async-" + id)))
                .execute(() -> attempt(job));
    }

    private void attempt(Job job) {
        if (job.attempts > 0 && clock.instant().isAfter(job.queuedAt.plus(config.maximumEventAge()))) {
            giveUp(job, AsyncDeadLetter.Condition.EventAgeExceeded);
            return;
        }
        job.attempts++;
        try {
            InvokeOutcome outcome = invoker.invoke(job.functionId, job.event);
            if (outcome.succeeded()) {
                finished();
                return;
            }
            job.errorType = FunctionError.of(outcome).errorType();
            job.lastResponse = outcome.payloadAsString();
        } catch (FunctionInvoker.UnknownFunctionException e) {
            job.errorType = "ResourceNotFoundException";
            job.lastResponse = errorDocument(job.errorType, e.getMessage());
            giveUp(job, AsyncDeadLetter.Condition.RetriesExhausted);
            return;
        } catch (RuntimeException e) {
            job.errorType = "ServiceException";
            job.lastResponse = errorDocument(job.errorType, String.valueOf(e.getMessage()));
        }
        if (job.attempts > config.maximumRetryAttempts()) {
            giveUp(job, AsyncDeadLetter.Condition.RetriesExhausted);
            return;
        }
        try {
            retries.schedule(() -> submit(job), config.retryDelay(job.attempts).toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException rejectedAfterClose) {
            finished();
        }
    }

    private void giveUp(Job job, AsyncDeadLetter.Condition condition) {
        AsyncDeadLetter letter = new AsyncDeadLetter(
                job.functionId,
                job.requestId,
                condition,
                job.attempts,
                job.event,
                job.errorType == null ? "Unknown" : job.errorType,
                job.lastResponse == null ? "{}" : job.lastResponse,
                clock.instant());
        log.accept(letter.toLogLine());
        synchronized (deadLetters) {
            deadLetters.add(letter);
        }
        finished();
    }

    private void finished() {
        if (inFlight.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    private static String errorDocument(String type, String message) {
        return "{\"errorMessage\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"errorType\":\""
                + type + "\"}";
    }

    static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** One queued event; its mutable fields are only touched by the one thread running its current attempt. */
    private static final class Job {
        final String functionId;
        final String requestId;
        final byte[] event;
        final Instant queuedAt;
        volatile int attempts;
        volatile String errorType;
        volatile String lastResponse;

        Job(String functionId, String requestId, byte[] event, Instant queuedAt) {
            this.functionId = functionId;
            this.requestId = requestId;
            this.event = event;
            this.queuedAt = queuedAt;
        }
    }
}
