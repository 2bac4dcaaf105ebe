package dev.bricks.local.dynamodb;

/**
 * Told of every operation the engine runs (see {@link LocalDynamoDb#addCallListener}), on the thread that serves
 * the request, after the operation was applied or refused and before the client gets its response: a test can
 * count round trips at the engine, or act at the moment a write commits (e.g. kill the client's process, so it
 * never learns of the commit). Implementations must be thread-safe and quick; an exception they throw is
 * ignored.
 *
 * <pre>{@code
 * AtomicInteger writes = new AtomicInteger();
 * db.addCallListener(call -> { if (call.committedWrite()) writes.incrementAndGet(); });
 * }</pre>
 */
@FunctionalInterface
public interface CallListener {

    /** One operation ran; {@code call} is never null. */
    void called(EngineCall call);
}
