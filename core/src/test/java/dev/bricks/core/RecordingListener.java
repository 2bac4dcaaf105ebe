package dev.bricks.core;

import dev.bricks.core.spi.InvocationInfo;
import dev.bricks.core.spi.InvocationListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test listener registered through META-INF/services; records calls and the correlation id it saw. */
public final class RecordingListener implements InvocationListener {

    /** One call as seen by the listener. */
    public record Call(String phase, InvocationInfo info, String correlationSeen, Throwable failure) {}

    public static final List<Call> CALLS = new CopyOnWriteArrayList<>();

    @Override
    public void beforeInvocation(InvocationInfo invocation) {
        CALLS.add(new Call("before", invocation, Correlation.current().orElse(null), null));
    }

    @Override
    public void afterInvocation(InvocationInfo invocation, Throwable failure) {
        CALLS.add(new Call("after", invocation, Correlation.current().orElse(null), failure));
    }
}
