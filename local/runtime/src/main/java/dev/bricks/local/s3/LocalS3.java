package dev.bricks.local.s3;

import dev.bricks.local.functions.AsyncInvoker;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobProviderMetadata;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobProviderMetadata;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.BlobMetadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

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
    private URI endpoint;

    /**
     * @param config what to serve; not null
     * @param async delivers notifications to functions; not null
     */
    public LocalS3(S3Config config, AsyncInvoker async) {
        this.config = Objects.requireNonNull(config, "config");
        this.async = Objects.requireNonNull(async, "async");
        this.records = new S3EventRecords(config.region());
        this.buckets = config.buckets().stream().collect(Collectors.toUnmodifiableMap(S3BucketConfig::name,
                Function.identity(), (a, b) -> {
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
        if (proxy != null) {
            return this;
        }
        context = blobStoreContext();
        BlobStore store = new NotifyingBlobStore(context.getBlobStore(), new Notifier());
        for (S3BucketConfig bucket : config.buckets()) {
            store.createContainerInLocation(null, bucket.name());
        }
        proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:" + config.port()))
                .awsAuthentication(AuthenticationType.NONE, null, null)
                .ignoreUnknownHeaders(true)
                .build();
        try {
            proxy.start();
            waitStarted();
        } catch (Exception e) {
            close();
            throw new IllegalStateException("S3 could not start on 127.0.0.1:" + config.port() + ": " + e.getMessage(),
                    e);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        return this;
    }

    /** The base URL, {@code http://127.0.0.1:<port>}. */
    public synchronized URI endpoint() {
        if (endpoint == null) {
            throw new IllegalStateException("LocalS3 is not started");
        }
        return endpoint;
    }

    /** The configuration this instance serves. */
    public S3Config config() {
        return config;
    }

    /** Stops the server. Idempotent. */
    @Override
    public synchronized void close() {
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
            return ContextBuilder.newBuilder(new TransientNio2BlobProviderMetadata()).overrides(properties).credentials("local", "local")
                    .build(BlobStoreContext.class);
        }
        try {
            Files.createDirectories(config.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create S3 data directory " + config.dataDirectory(), e);
        }
        properties.setProperty("jclouds.filesystem.basedir", config.dataDirectory().toAbsolutePath().toString());
        return ContextBuilder.newBuilder(new FilesystemNio2BlobProviderMetadata()).overrides(properties).credentials("local", "local")
                .build(BlobStoreContext.class);
    }

    /** Turns blob store changes into notifications. */
    private final class Notifier implements NotifyingBlobStore.Listener {

        @Override
        public void created(S3EventType type, String bucket, String key, BlobMetadata metadata) {
            notify(type, bucket, key, metadata.getSize(), unquote(metadata.getETag()));
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
                    async.invoke(notification.functionId(),
                            records.event(notification, type, bucket, key, size, eTag, sequencer, now));
                }
            }
        }

        private static String unquote(String eTag) {
            if (eTag == null) {
                return null;
            }
            return eTag.startsWith("\"") && eTag.endsWith("\"") && eTag.length() > 1
                    ? eTag.substring(1, eTag.length() - 1) : eTag;
        }
    }
}
