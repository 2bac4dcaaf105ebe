package dev.bricks.local.s3;

import dev.bricks.local.functions.AsyncInvoker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobProviderMetadata;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobProviderMetadata;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.BlobMetadata;

/**
 * A real S3 API on loopback: <a href="https://github.com/gaul/s3proxy">s3proxy</a> over a jclouds blob store
 * (in memory, or files under {@link S3Config#dataDirectory()}), with the configured buckets and their Lambda
 * notifications. Each object created or removed through the API fires the matching notifications: one S3 event
 * record per event, handed to the function asynchronously through an {@link AsyncInvoker} (so failures are
 * retried and dead-lettered as Lambda does).
 *
 * <p>An unmodified {@code S3Client} reaches it with {@code endpointOverride(endpoint())},
 * {@code forcePathStyle(true)}, any region and any credentials (requests are not authenticated).
 * Thread-safe; {@link #close()} stops the server.
 *
 * <pre>{@code
 * S3Config config = new S3Config(0, null, "us-east-1", List.of(new S3BucketConfig("photos", List.of(
 *         new S3NotificationConfig("thumbs", "ThumbnailFunction", Set.of(S3EventType.OBJECT_CREATED_ANY),
 *                 "uploads/", ".jpg")))));
 * try (LocalS3 s3 = new LocalS3(config, asyncInvoker).start()) {
 *     S3Client client = S3Client.builder().endpointOverride(s3.endpoint()).forcePathStyle(true)
 *             .region(Region.US_EAST_1).build();
 * }
 * }</pre>
 */
public final class LocalS3 implements AutoCloseable {

    private final S3Config config;
    private final AsyncInvoker async;
    private final S3EventRecords records;
    private final Map<String, S3BucketConfig> buckets;
    private BlobStoreContext context;
    private S3Proxy proxy;
    private HeldConnections front;
    private volatile URI endpoint;
    private volatile Consumer<S3ObjectWritten> objectListener = object -> {};
    private boolean closed;

    /**
     * @param config what to serve; not null
     * @param async delivers notifications to functions; not null
     */
    public LocalS3(S3Config config, AsyncInvoker async) {
        this.config = Objects.requireNonNull(config, "config");
        this.async = Objects.requireNonNull(async, "async");
        this.records = new S3EventRecords(config.region());
        this.buckets = config.buckets().stream()
                .collect(Collectors.toUnmodifiableMap(S3BucketConfig::name, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("bucket " + a.name() + " is configured twice");
                }));
    }

    /**
     * Starts the server and creates the configured buckets (existing ones in the data directory are kept).
     *
     * @return this
     * @throws IllegalStateException when the port is taken or the server does not start, naming the port
     */
    public synchronized LocalS3 start() {
        if (proxy != null || front != null) {
            return this;
        }
        endpoint = URI.create("http://127.0.0.1:" + startServer(config.port()));
        return this;
    }

    /**
     * Binds the port now and starts the server in the background (s3proxy's start takes seconds): connections
     * are accepted at once and held until the server is up and the buckets exist, so no request is lost or
     * refused; {@link #endpoint()} is known when this returns.
     *
     * @param log receives one line if the server cannot start (held connections are then closed); not null
     * @return this
     * @throws IllegalStateException when the port is taken, naming it
     */
    public synchronized LocalS3 startInBackground(Consumer<String> log) {
        Objects.requireNonNull(log, "log");
        if (proxy != null || front != null) {
            return this;
        }
        CompletableFuture<Integer> serverPort = new CompletableFuture<>();
        try {
            front = new HeldConnections(config.port(), serverPort, log);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException(
                    "S3 could not start on 127.0.0.1:" + config.port() + ": "
                            + e.getCause().getMessage(),
                    e);
        }
        endpoint = URI.create("http://127.0.0.1:" + front.port());
        Thread starter = new Thread(
                () -> {
                    try {
                        serverPort.complete(startServer(0));
                    } catch (RuntimeException e) {
                        log.accept("S3 could not start: " + e.getMessage());
                        serverPort.completeExceptionally(e);
                    }
                },
                "bricks-s3-start");
        starter.setDaemon(true);
        starter.start();
        return this;
    }

    /** Starts s3proxy on {@code port} (0: any) with the buckets; returns the bound port. */
    private synchronized int startServer(int port) {
        if (closed) {
            throw new IllegalStateException("LocalS3 was closed before its server started");
        }
        context = blobStoreContext();
        BlobStore plain = context.getBlobStore();
        Notifier notifier = new Notifier();
        BlobStore store = new NotifyingBlobStore(plain, notifier, null);
        for (S3BucketConfig bucket : config.buckets()) {
            store.createContainerInLocation(null, bucket.name());
        }
        proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.NONE, null, null)
                .ignoreUnknownHeaders(true)
                .build();
        // s3proxy asks the locator for a blob store on the thread serving each request (without authentication
        // it passes no identity): one that knows the request's caller, so each object names the key that wrote it
        proxy.setBlobStoreLocator((identity, container, blob) ->
                Map.entry("", new NotifyingBlobStore(plain, notifier, RequestCaller.accessKeyId())));
        try {
            proxy.start();
            waitStarted();
        } catch (Exception e) {
            closeServer();
            throw new IllegalStateException("S3 could not start on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        return proxy.getPort();
    }

    /** The base URL, {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        URI e = endpoint;
        if (e == null) {
            throw new IllegalStateException("LocalS3 is not started");
        }
        return e;
    }

    /** The configuration this instance serves. */
    public S3Config config() {
        return config;
    }

    /** Stops the server (and the front door of {@link #startInBackground}). Idempotent; not restartable. */
    @Override
    public synchronized void close() {
        closed = true;
        if (front != null) {
            front.close();
            front = null;
        }
        closeServer();
    }

    private void closeServer() {
        if (proxy != null) {
            try {
                proxy.stop();
            } catch (Exception e) {
                // stopping is best effort: the server's threads are daemon threads
            }
            proxy = null;
        }
        if (context != null) {
            context.close();
            context = null;
        }
    }

    private void waitStarted() throws InterruptedException {
        for (int i = 0; i < 500 && !"STARTED".equals(proxy.getState()); i++) {
            Thread.sleep(10);
        }
        if (!"STARTED".equals(proxy.getState())) {
            throw new IllegalStateException("server state " + proxy.getState());
        }
    }

    /**
     * The blob store, built from s3proxy's provider metadata directly: looking a provider up by name would load
     * every registered provider, including s3proxy's Azure one whose SDK is excluded from our dependencies.
     */
    private BlobStoreContext blobStoreContext() {
        Properties properties = new Properties();
        if (config.dataDirectory() == null) {
            return ContextBuilder.newBuilder(new TransientNio2BlobProviderMetadata())
                    .overrides(properties)
                    .credentials("local", "local")
                    .build(BlobStoreContext.class);
        }
        try {
            Files.createDirectories(config.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create S3 data directory " + config.dataDirectory(), e);
        }
        properties.setProperty(
                "jclouds.filesystem.basedir",
                config.dataDirectory().toAbsolutePath().toString());
        return ContextBuilder.newBuilder(new FilesystemNio2BlobProviderMetadata())
                .overrides(properties)
                .credentials("local", "local")
                .build(BlobStoreContext.class);
    }

    /**
     * Tells {@code listener} about every object stored from now on (the dev console's hook), on the request's
     * thread.
     *
     * @return this
     */
    public LocalS3 onObjectCreated(Consumer<S3ObjectWritten> listener) {
        this.objectListener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Turns blob store changes into notifications. */
    private final class Notifier implements NotifyingBlobStore.Listener {

        @Override
        public void created(S3EventType type, String bucket, String key, BlobMetadata metadata, String caller) {
            notify(type, bucket, key, metadata.getSize(), unquote(metadata.getETag()));
            Long size = metadata.getSize();
            objectListener.accept(new S3ObjectWritten(
                    bucket,
                    key,
                    size == null ? -1 : size,
                    metadata.getUserMetadata() == null ? Map.of() : metadata.getUserMetadata(),
                    Instant.now(),
                    caller));
        }

        @Override
        public void removed(String bucket, String key) {
            notify(S3EventType.OBJECT_REMOVED_DELETE, bucket, key, null, null);
        }

        private void notify(S3EventType type, String bucket, String key, Long size, String eTag) {
            S3BucketConfig bucketConfig = buckets.get(bucket);
            if (bucketConfig == null) {
                return;
            }
            String sequencer = records.nextSequencer();
            Instant now = Instant.now();
            for (S3NotificationConfig notification : bucketConfig.notifications()) {
                if (notification.fires(type, key)) {
                    async.invoke(
                            notification.functionId(),
                            records.event(notification, type, bucket, key, size, eTag, sequencer, now));
                }
            }
        }

        private static String unquote(String eTag) {
            if (eTag == null) {
                return null;
            }
            return eTag.startsWith("\"") && eTag.endsWith("\"") && eTag.length() > 1
                    ? eTag.substring(1, eTag.length() - 1)
                    : eTag;
        }
    }
}
