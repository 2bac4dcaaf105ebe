package dev.bricks.core.internal;

import dev.bricks.core.spi.InvocationInfo;
import dev.bricks.core.spi.InvocationListener;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Internal: the {@link InvocationListener}s of this JVM, discovered once with {@link ServiceLoader} when the
 * first Bricks handler is constructed (an init-once cache, never reloaded).
 *
 * <p><b>Not API</b> (see the package documentation): public only for core's other packages; may change in any
 * release.
 */
public final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private Listeners() {}

    private static final class Holder {
        static final List<InvocationListener> ALL = load();
    }

    /** The listeners, loaded on first call. */
    public static List<InvocationListener> all() {
        return Holder.ALL;
    }

    private static List<InvocationListener> load() {
        List<InvocationListener> found = new ArrayList<>();
        try {
            for (InvocationListener listener :
                    ServiceLoader.load(InvocationListener.class, Listeners.class.getClassLoader())) {
                found.add(listener);
            }
        } catch (ServiceConfigurationError e) {
            LOG.error("bricks: an InvocationListener could not be loaded and is ignored: {}", e.getMessage());
        }
        return List.copyOf(found);
    }

    /** Calls every listener's {@code beforeInvocation}; a listener's exception is logged and ignored. */
    public static void before(List<InvocationListener> listeners, InvocationInfo info) {
        for (InvocationListener listener : listeners) {
            try {
                listener.beforeInvocation(info);
            } catch (RuntimeException e) {
                LOG.warn(
                        "bricks: listener {} failed in beforeInvocation: {}",
                        listener.getClass().getName(),
                        e.toString());
            }
        }
    }

    /** Calls every listener's {@code afterInvocation}, in reverse order; exceptions are logged and ignored. */
    public static void after(List<InvocationListener> listeners, InvocationInfo info, Throwable failure) {
        for (int i = listeners.size() - 1; i >= 0; i--) {
            InvocationListener listener = listeners.get(i);
            try {
                listener.afterInvocation(info, failure);
            } catch (RuntimeException e) {
                LOG.warn(
                        "bricks: listener {} failed in afterInvocation: {}",
                        listener.getClass().getName(),
                        e.toString());
            }
        }
    }
}
