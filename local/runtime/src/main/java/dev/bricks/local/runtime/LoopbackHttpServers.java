package dev.bricks.local.runtime;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Optional;

/**
 * Creates bricks-local's JDK HTTP servers with {@code TCP_NODELAY} on. The JDK server writes a response's headers
 * and body in two segments; with Nagle's algorithm on, the body waits for the client's delayed ACK (~40 ms on
 * Linux). Its switch, {@code sun.net.httpserver.nodelay}, is read once, when the first {@code HttpServer} of the
 * JVM is created: so every server of bricks-local is created here, and an embedder that creates servers of its
 * own (a test's JWKS issuer, a stub endpoint) creates them here too, or calls {@link #enableNoDelay()} before
 * its first one. An explicit {@code -Dsun.net.httpserver.nodelay=false} wins. {@link #noDelayWarning()} says
 * when it is too late. Thread-safe.
 */
public final class LoopbackHttpServers {

    static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    /** The name of a started JDK {@code HttpServer}'s dispatcher thread. */
    static final String JDK_DISPATCHER_THREAD = "HTTP-Dispatcher";

    private static final Optional<String> WARNING;

    static {
        // init-once JVM setting, and only when nobody chose otherwise
        String chosen = System.getProperty(NODELAY_PROPERTY);
        WARNING = noDelayWarning(
                chosen,
                Thread.getAllStackTraces().keySet().stream()
                        .map(Thread::getName)
                        .toList());
        if (chosen == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private LoopbackHttpServers() {}

    /** Turns {@code TCP_NODELAY} on for the JDK HTTP servers of this JVM; call before the first one is created. */
    public static void enableNoDelay() {
        // the static initialiser does the work, once
    }

    /**
     * {@link HttpServer#create(InetSocketAddress, int)} after {@link #enableNoDelay()}.
     *
     * @throws IOException when the address cannot be bound
     */
    public static HttpServer create(InetSocketAddress address, int backlog) throws IOException {
        return HttpServer.create(address, backlog);
    }

    /**
     * Why this JVM's JDK HTTP servers may run without {@code TCP_NODELAY} (each response then waits ~40 ms for a
     * delayed ACK), or empty. Not empty when {@code sun.net.httpserver.nodelay} was set to something else than
     * {@code true}, or when a JDK {@code HttpServer} was already running when this class was first used (the JDK
     * had read the switch then). A server created and stopped before, or created and not started, is not seen.
     */
    public static Optional<String> noDelayWarning() {
        return WARNING;
    }

    static Optional<String> noDelayWarning(String property, Collection<String> threadNames) {
        if (property != null && !property.equals("true")) {
            return Optional.of("TCP_NODELAY is off for the JDK HTTP servers of this JVM (-D" + NODELAY_PROPERTY + "="
                    + property + "): every response of bricks-local can wait ~40 ms for a delayed ACK");
        }
        if (property == null && threadNames.contains(JDK_DISPATCHER_THREAD)) {
            return Optional.of("TCP_NODELAY is off for the JDK HTTP servers of this JVM: a JDK HttpServer was"
                    + " started before bricks-local, and the JDK reads -D" + NODELAY_PROPERTY + " once, at the"
                    + " first one; every response of bricks-local can wait ~40 ms for a delayed ACK. Create that"
                    + " server with LoopbackHttpServers.create, call LoopbackHttpServers.enableNoDelay() before it,"
                    + " or start the JVM with -D" + NODELAY_PROPERTY + "=true");
        }
        return Optional.empty();
    }
}
