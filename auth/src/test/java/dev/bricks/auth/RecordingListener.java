package dev.bricks.auth;

import dev.bricks.core.spi.InvocationInfo;
import dev.bricks.core.spi.InvocationListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real {@link InvocationListener}, found through {@code META-INF/services} as observability's is. */
public final class RecordingListener implements InvocationListener {

    /** One finished invocation as the listener saw it. */
    record Seen(InvocationInfo info, Throwable failure) {}

    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    @Override
    public void beforeInvocation(InvocationInfo invocation) {
        // recorded after, with the outcome
    }

    @Override
    public void afterInvocation(InvocationInfo invocation, Throwable failure) {
        SEEN.add(new Seen(invocation, failure));
    }

    static Seen last() {
        return SEEN.get(SEEN.size() - 1);
    }
}
