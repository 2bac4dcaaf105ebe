package dev.bricks.core;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.bricks.core.internal.JsonSupport;
import dev.bricks.core.internal.Listeners;
import dev.bricks.core.spi.InvocationInfo;
import dev.bricks.core.spi.InvocationListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crac.Core;
import org.crac.Resource;

/**
 * The common Lambda entry point of every Bricks handler: a {@link RequestStreamHandler} that reads the event
 * bytes once, parses them into the trigger's typed envelope with Bricks' own JSON configuration, sets the
 * {@link Correlation} id, calls the {@link InvocationListener}s around the handler's code and writes the
 * response.
 *
 * <p>Handler code does not extend this class directly but one of the trigger base classes
 * ({@code HttpHandler}, {@code EventBridgeHandler}, {@code SqsHandler}, {@code DynamoDbStreamHandler},
 * {@code S3Handler}). Their {@code protected} template methods below are final there.
 *
 * <h2>Lifecycle</h2>
 * <ul>
 *   <li>Lambda constructs the handler once per execution environment; the constructor registers the handler
 *       as an {@code org.crac} {@link Resource} (a no-op without SnapStart/CRaC).</li>
 *   <li>{@link #setup()} runs once per instance: before the first invocation, or before a SnapStart
 *       checkpoint, whichever comes first. Create SDK clients and caches there.</li>
 *   <li>{@link #prime()} runs before a SnapStart checkpoint, after {@code setup()}: exercise the hot path
 *       (e.g. parse a sample event) so its classes are loaded and initialised in the snapshot.</li>
 *   <li>The first invocation of an instance, and the first after a restore, is flagged as a cold start
 *       ({@link #coldStart()}).</li>
 * </ul>
 *
 * <p>Thread-safety: Lambda invokes one event at a time per environment; an instance may nevertheless be
 * invoked from several threads (the local runtime does) as long as the subclass's own state allows it.
 *
 * @param <E> the trigger's typed event envelope
 */
public abstract class BricksHandler<E> implements RequestStreamHandler, Resource {

    private final List<InvocationListener> listeners;
    private final AtomicBoolean coldStart = new AtomicBoolean(true);
    private final Object setupLock = new Object();
    private volatile boolean setUp;
    private final ThreadLocal<Boolean> currentColdStart = new ThreadLocal<>();
    private final ThreadLocal<Throwable> observed = new ThreadLocal<>();

    /** Loads the listeners (once per JVM) and registers this handler for SnapStart/CRaC notifications. */
    protected BricksHandler() {
        this.listeners = Listeners.all();
        Core.getGlobalContext().register(this);
    }

    /**
     * Once-per-instance initialisation, run before the first invocation or before a SnapStart checkpoint.
     * The default does nothing. An exception thrown here fails the invocation and setup is retried on the
     * next one.
     */
    protected void setup() throws Exception {}

    /**
     * SnapStart priming hook, called in {@link #beforeCheckpoint} after {@link #setup()}. The default does
     * nothing. Exercise code paths here whose classes should be in the snapshot; do not open connections
     * that would be stale after restore.
     */
    protected void prime() throws Exception {}

    /** Whether the invocation running on this thread is the first of this instance (or after a restore). */
    protected final boolean coldStart() {
        return Boolean.TRUE.equals(currentColdStart.get());
    }

    /** Runs {@link #setup()} and {@link #prime()} before a SnapStart checkpoint. */
    @Override
    public final void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws Exception {
        ensureSetUp();
        prime();
    }

    /** Marks the next invocation as a cold start (the restored environment is new to its callers). */
    @Override
    public final void afterRestore(org.crac.Context<? extends Resource> context) {
        coldStart.set(true);
    }

    /**
     * Lambda's entry point: parse, correlate, notify listeners, run the handler, write the response.
     *
     * @throws InvalidEventException when the event cannot be read as this trigger's envelope
     */
    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] raw = input.readAllBytes();
        boolean cold = coldStart.getAndSet(false);
        currentColdStart.set(cold);
        String requestId = context == null || context.getAwsRequestId() == null ? "" : context.getAwsRequestId();
        Reading<E> reading = read(raw, requestId);
        InvocationInfo info =
                new InvocationInfo(trigger(), requestId, cold, reading.correlationId(), context, reading.event(), raw);
        Correlation.set(reading.correlationId());
        Listeners.before(listeners, info);
        Throwable failure = null;
        try {
            Object response = run(reading, context);
            if (response != null) {
                output.write(response instanceof byte[] bytes ? bytes : JsonSupport.write(response));
            }
        } catch (Error | RuntimeException | IOException e) {
            failure = e;
            throw e;
        } catch (Exception e) {
            failure = e;
            throw new HandlerFailedException(e);
        } finally {
            Listeners.after(listeners, info, failure == null ? observedFailure() : failure);
            Correlation.clear();
            currentColdStart.remove();
            clearObservedFailure();
        }
    }

    /**
     * The event as read: the envelope and its correlation id, or the failure to read it (thrown once the
     * listeners have seen the invocation).
     */
    private record Reading<E>(E event, String correlationId, RuntimeException failure) {}

    private Reading<E> read(byte[] raw, String requestId) {
        E event = null;
        String correlationId = null;
        RuntimeException failure = null;
        try {
            Parsed<E> parsed = parseEvent(raw);
            event = parsed.event();
            correlationId = parsed.correlationId();
        } catch (RuntimeException e) {
            failure = e instanceof InvalidEventException
                    ? e
                    : new InvalidEventException(trigger() + " event could not be read: " + e.getMessage(), e);
        }
        if (correlationId == null || correlationId.isBlank()) {
            correlationId = requestId.isEmpty() ? UUID.randomUUID().toString() : requestId;
        }
        return new Reading<>(event, correlationId, failure);
    }

    private Object run(Reading<E> reading, Context context) throws Exception {
        if (reading.failure() != null) {
            throw reading.failure();
        }
        try {
            ensureSetUp();
        } catch (Exception e) {
            return setupFailed(reading.event(), e, context);
        }
        return invoke(reading.event(), context);
    }

    private void ensureSetUp() throws Exception {
        if (setUp) {
            return;
        }
        synchronized (setupLock) {
            if (!setUp) {
                setup();
                setUp = true;
            }
        }
    }

    /**
     * What to answer when {@link #setup()} threw; setup is retried on the next invocation either way. The
     * default rethrows, failing the invocation (so an asynchronous trigger retries it). Overridden (final) by
     * trigger base classes whose callers wait for an answer: {@code HttpHandler} answers a generic 500 problem.
     *
     * @return the response to write, as for {@link #invoke}
     */
    protected Object setupFailed(E event, Exception failure, Context context) throws Exception {
        throw failure;
    }

    /**
     * Records a failure that the trigger base class turned into a response (an HTTP 500, a failed batch item)
     * so that listeners still see it in {@code afterInvocation}. For Bricks' trigger base classes.
     */
    protected final void observeFailure(Throwable failure) {
        if (observed.get() == null) {
            observed.set(failure);
        }
    }

    private Throwable observedFailure() {
        return observed.get();
    }

    private void clearObservedFailure() {
        observed.remove();
    }

    /** The trigger this base class handles. Implemented (final) by Bricks' trigger base classes. */
    protected abstract InvocationInfo.Trigger trigger();

    /**
     * Parses the raw event into the envelope. Implemented (final) by Bricks' trigger base classes.
     *
     * @throws InvalidEventException naming the problem
     */
    protected abstract Parsed<E> parseEvent(byte[] raw);

    /**
     * A parsed event and its correlation id.
     *
     * @param event the envelope; never null
     * @param correlationId the id by the trigger's rule; null to fall back to the request id
     * @param <E> the envelope type
     */
    public record Parsed<E>(E event, String correlationId) {}

    /**
     * Runs the handler on the event and returns the response to write as JSON ({@code byte[]} is written as
     * is; null writes nothing). Implemented (final) by Bricks' trigger base classes.
     */
    protected abstract Object invoke(E event, Context context) throws Exception;
}
