package dev.bricks.core.spi;

/**
 * Extension point through which optional modules (for example {@code bricks-observability}) take part in
 * every invocation of a Bricks handler without any code in the handler.
 *
 * <p>Implementations are discovered once per execution environment with {@link java.util.ServiceLoader}
 * (file {@code META-INF/services/dev.bricks.core.spi.InvocationListener}) when the first handler is
 * constructed; nothing is looked up per invocation. With no implementation on the classpath, {@code core}
 * works on plain slf4j.
 *
 * <p>For every invocation, {@link #beforeInvocation} is called before the user's code runs and
 * {@link #afterInvocation} after it, in a {@code finally} block, also when the handler failed.
 * Implementations must be thread-safe and must not throw; an exception they throw is logged and ignored.
 */
public interface InvocationListener {

    /** Called before the handler's own code runs, with the invocation's metadata. */
    void beforeInvocation(InvocationInfo invocation);

    /**
     * Called after the handler's code, always.
     *
     * @param invocation the same value given to {@link #beforeInvocation}
     * @param failure the exception that escaped the handler, or {@code null} when it completed
     */
    void afterInvocation(InvocationInfo invocation, Throwable failure);
}
