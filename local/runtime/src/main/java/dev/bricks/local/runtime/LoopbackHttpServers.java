package dev.bricks.local.runtime;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Creates bricks-local's JDK HTTP servers with {@code TCP_NODELAY} on. The JDK server writes a response's headers
 * and body in two segments; with Nagle's algorithm on, the body waits for the client's delayed ACK (~40 ms on
 * Linux). Its switch, {@code sun.net.httpserver.nodelay}, is read once, when the first {@code HttpServer} of the
 * JVM is created: so every server of bricks-local is created here, and an embedder that creates servers of its
 * own first calls {@link #enableNoDelay()}. An explicit {@code -Dsun.net.httpserver.nodelay=false} wins.
 * Thread-safe.
 */
public final class LoopbackHttpServers {

    static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        // init-once JVM setting, and only when nobody chose otherwise
        if (System.getProperty(NODELAY_PROPERTY) == null) {
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
}
