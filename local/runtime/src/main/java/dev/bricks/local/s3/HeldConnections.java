package dev.bricks.local.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * S3's front door: a loopback port bound at once, whose connections are accepted immediately and held until the
 * server behind it is up, then relayed byte for byte. It lets bricks-local be ready before s3proxy's slow start
 * (jclouds, Guice, Jetty) without losing a request: a client connecting early waits instead of being refused.
 * If the server never comes up, held connections are closed. Thread-safe.
 */
final class HeldConnections implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final ServerSocket listener;
    private final CompletableFuture<Integer> backendPort;
    private final Consumer<String> log;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bricks-s3-relay");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    /**
     * Binds {@code 127.0.0.1:port} (0 for a free one) and starts accepting.
     *
     * @param backendPort completes with the port of the server to relay to, or exceptionally when it failed
     * @throws UncheckedIOException when the port cannot be bound
     */
    HeldConnections(int port, CompletableFuture<Integer> backendPort, Consumer<String> log) {
        this.backendPort = backendPort;
        this.log = log;
        try {
            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        } catch (IOException e) {
            threads.shutdown();
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        threads.execute(this::acceptLoop);
    }

    /** The bound port. */
    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.accept("S3 front door stopped accepting: " + e.getMessage());
                }
                return;
            }
            open.add(client);
            threads.execute(() -> relay(client));
        }
    }

    /** Waits for the server, then copies both ways until either side closes. */
    private void relay(Socket client) {
        Socket server = null;
        try {
            int port;
            try {
                port = backendPort.join();
            } catch (RuntimeException e) {
                return; // the start failure has been reported once by whoever started the server
            }
            server = new Socket(InetAddress.getLoopbackAddress(), port);
            open.add(server);
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            Socket s = server;
            CompletableFuture<Void> upstream = CompletableFuture.runAsync(() -> copy(client, s), threads);
            copy(s, client);
            upstream.join();
        } catch (IOException e) {
            if (!closed) {
                log.accept("S3 front door could not reach the server: " + e.getMessage());
            }
        } finally {
            closeQuietly(client);
            if (server != null) {
                closeQuietly(server);
            }
        }
    }

    /** Copies {@code from} to {@code to}; at the end of {@code from}, half-closes {@code to}. */
    private void copy(Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // one side went away: closing both (by the caller) ends the other direction
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // closing is best effort
        }
    }

    /** Stops accepting and closes every relayed connection. Idempotent. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing is best effort
        }
        for (Socket s : Set.copyOf(open)) {
            closeQuietly(s);
        }
        threads.shutdownNow();
    }
}
