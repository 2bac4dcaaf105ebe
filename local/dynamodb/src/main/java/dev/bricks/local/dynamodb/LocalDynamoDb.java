package dev.bricks.local.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;

/**
 * An embedded DynamoDB-compatible engine speaking DynamoDB's JSON protocol (and the Streams API) to the unmodified
 * AWS SDK, with any credentials: in-process through {@link #httpClient()} / {@link #asyncHttpClient()}, or over HTTP
 * on loopback through {@code endpointOverride(db.endpoint())} (the server runs in both cases).
 * Thread-safe; close it to stop the server (and, with a data directory, write a snapshot).
 *
 * <pre>{@code
 * try (LocalDynamoDb db = LocalDynamoDb.start()) {
 *     DynamoDbClient client = DynamoDbClient.builder().endpointOverride(db.endpoint())
 *             .region(Region.US_EAST_1)
 *             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
 *             .build();
 *     ...
 * }
 * }</pre>
 */
public final class LocalDynamoDb implements AutoCloseable {
    private final Engine engine;
    private final JsonProtocol protocol;
    private final HttpFront front;
    private final Persistence persistence;
    private final ScheduledExecutorService sweeper;
    private volatile boolean closed;

    private LocalDynamoDb(Builder b) {
        Faults faults = new Faults(b.faultSeed);
        this.engine = new Engine(faults);
        this.protocol = new JsonProtocol(engine);
        try {
            if (b.dataDirectory != null) {
                this.persistence = new Persistence(b.dataDirectory);
                persistence.recover(engine);
                engine.persistence = persistence;
            } else {
                this.persistence = null;
            }
            this.front =
                    new HttpFront(protocol, new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), b.threads);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start local DynamoDB on port " + b.port, e);
        }
        if (b.ttlSweepInterval.isZero()) {
            this.sweeper = null;
        } else {
            this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "local-dynamodb-ttl");
                t.setDaemon(true);
                return t;
            });
            long ms = b.ttlSweepInterval.toMillis();
            sweeper.scheduleWithFixedDelay(this::sweepQuietly, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /** Starts an engine with default options: free loopback port, in memory. */
    public static LocalDynamoDb start() {
        return builder().start();
    }

    /** A builder for engine options. */
    public static Builder builder() {
        return new Builder();
    }

    /** The endpoint for the SDK's {@code endpointOverride}, e.g. {@code http://127.0.0.1:8000}; never null. */
    public URI endpoint() {
        String host = InetAddress.getLoopbackAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + front.port());
    }

    /** The port the server listens on. */
    public int port() {
        return front.port();
    }

    /**
     * An SDK HTTP client that hands requests to this engine in-process: the same JSON protocol code as the HTTP
     * server, without a socket (a call costs microseconds instead of a loopback round trip). Give it to any SDK v2
     * client builder; the endpoint the client computes is ignored. Closing the client does not close the engine;
     * calls after {@link #close()} fail with an {@code IOException}. Requires the SDK's {@code http-client-spi} on the
     * class path (it comes with {@code software.amazon.awssdk:dynamodb}). Thread-safe; never null.
     *
     * <pre>{@code
     * DynamoDbClient client = DynamoDbClient.builder()
     *         .httpClient(db.httpClient())
     *         .region(Region.US_EAST_1)
     *         .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
     *         .build();
     * }</pre>
     */
    public SdkHttpClient httpClient() {
        return InProcessHttpClient.create(protocol, () -> closed);
    }

    /**
     * The asynchronous counterpart of {@link #httpClient()}, for {@code DynamoDbAsyncClient} and
     * {@code DynamoDbStreamsAsyncClient} ({@code .httpClient(db.asyncHttpClient())}): each request is answered in the
     * thread that completes its body, and the response body is published as one buffer. Thread-safe; never null.
     */
    public SdkAsyncHttpClient asyncHttpClient() {
        return InProcessAsyncHttpClient.create(protocol, () -> closed);
    }

    /** Requests answered over HTTP so far (in-process calls do not count). */
    long httpRequestsServed() {
        return front.requestsServed();
    }

    /** The engine itself, for this package's tests and transports. */
    Engine engine() {
        return engine;
    }

    /**
     * Tells {@code listener} of every operation from now on (see {@link CallListener}: after it ran, before its
     * response is sent), whichever transport carried it. With no listener the engine does no extra work.
     *
     * <pre>{@code
     * db.addCallListener(call -> {
     *     if (call.committedWrite() && call.tables().contains("orders")) {
     *         // the write is applied; the client has not seen the response yet
     *     }
     * });
     * }</pre>
     */
    public void addCallListener(CallListener listener) {
        engine.listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops telling {@code listener}; does nothing when it was not added. */
    public void removeCallListener(CallListener listener) {
        engine.listeners.remove(listener);
    }

    /** The fault injection controls of this engine; never null. */
    public Faults faults() {
        return engine.faults;
    }

    /**
     * Deletes now every item whose TTL attribute (epoch seconds) is in the past, emitting stream REMOVE records with
     * the DynamoDB service identity, as the background sweeper does.
     *
     * @return the number of items deleted
     */
    public int expireTtlNow() {
        return engine.sweepExpired(System.currentTimeMillis() / 1000);
    }

    private void sweepQuietly() {
        try {
            expireTtlNow();
        } catch (RuntimeException e) {
            // a sweep failing must not stop later sweeps; the next run retries
        }
    }

    /** Stops the server; with a data directory, writes a snapshot first. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (sweeper != null) {
            sweeper.shutdownNow();
            try {
                sweeper.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        front.stop(); // waits for in-flight requests, so the snapshot below sees no concurrent writer
        if (persistence != null) {
            try {
                persistence.snapshot(engine);
                persistence.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write snapshot", e);
            }
        }
    }

    /** Options for {@link LocalDynamoDb}. Not thread-safe; each {@link #start()} makes an independent engine. */
    public static final class Builder {
        private int port;
        private Path dataDirectory;
        private int threads = 256;
        private Duration ttlSweepInterval = Duration.ofSeconds(1);
        private long faultSeed = 42;

        private Builder() {}

        /** The loopback port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** A directory to keep tables and items in across restarts; null (the default) keeps everything in memory. */
        public Builder dataDirectory(Path dir) {
            this.dataDirectory = dir;
            return this;
        }

        /**
         * Maximum simultaneous client connections, each served by its own thread (default 256); further connection
         * attempts wait until one closes.
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be positive: " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** How often expired TTL items are deleted (default 1 s); zero disables the background sweep. */
        public Builder ttlSweepInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("ttlSweepInterval must not be negative: " + interval);
            }
            this.ttlSweepInterval = interval;
            return this;
        }

        /** Seed for fractional fault injection (default 42). */
        public Builder faultSeed(long seed) {
            this.faultSeed = seed;
            return this;
        }

        /** Starts the engine; it is ready for requests when this returns. */
        public LocalDynamoDb start() {
            return new LocalDynamoDb(this);
        }
    }
}
