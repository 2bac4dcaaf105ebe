package com.example.thumbnails;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.s3.S3Handler;
import dev.bricks.core.s3.S3Record;
import dev.bricks.observability.BricksMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The Lambda function: for each object created under {@value #UPLOAD_PREFIX}, writes its 150×150 JPEG thumbnail to
 * {@value #THUMBNAIL_PREFIX}{@code <file name>} (see {@link Thumbnailer}).
 *
 * <ul>
 *   <li>A file that cannot be made into a thumbnail (empty, over 25 MB, not an image, truncated, a decompression
 *   bomb) gets none: one WARN line {@code image rejected} with {@code reason}, {@code key} and {@code detail}, the
 *   {@code ImagesRejected} metric with a {@code reason} dimension, and the invocation succeeds — a retry would
 *   fail the same way. Only S3 errors (5xx, throttling, I/O) fail the invocation, so Lambda retries them.</li>
 *   <li>Idempotent: the thumbnail records the source's ETag in its {@code source-etag} metadata; an event for a
 *   source whose thumbnail already has that ETag writes nothing.</li>
 *   <li>Keys ending in {@code /} (console "folders") and keys outside {@value #UPLOAD_PREFIX} are ignored.</li>
 * </ul>
 *
 * <p>Handler string: {@code com.example.thumbnails.ThumbnailFunction::handleRequest}.
 */
public final class ThumbnailFunction extends S3Handler {

    /** Where uploads land; the template's notification filter uses the same prefix. */
    public static final String UPLOAD_PREFIX = "uploads/";
    /** Where thumbnails go; outside {@link #UPLOAD_PREFIX}, so writing one never triggers the function. */
    public static final String THUMBNAIL_PREFIX = "thumbnails/";
    /** Cache-Control of every thumbnail: its content never changes for a given source ETag. */
    public static final String CACHE_CONTROL = "public, max-age=31536000, immutable";
    /** User metadata key holding the source object's ETag. */
    public static final String SOURCE_ETAG = "source-etag";

    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailFunction.class);

    private final S3Client s3;
    private final Thumbnailer thumbnailer = new Thumbnailer();
    private final Counter created;
    private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);

    /** Lambda's constructor: an S3 client for the function's region and credentials (once per environment). */
    public ThumbnailFunction() {
        this(defaultClient());
    }

    ThumbnailFunction(S3Client s3) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        MeterRegistry registry = BricksMetrics.registry();
        this.created = registry.counter("ThumbnailsCreated");
        for (RejectReason reason : RejectReason.values()) {
            rejected.put(reason, registry.counter("ImagesRejected", "reason", reason.name()));
        }
    }

    /**
     * The S3 client: the JDK's URLConnection HTTP client (fastest cold start), credentials from the environment
     * (what Lambda provides). With {@code AWS_ENDPOINT_URL_S3} set — bricks-local, or any S3-compatible endpoint —
     * the SDK sends requests there and path-style addressing is used, which such endpoints need.
     */
    private static S3Client defaultClient() {
        return S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .forcePathStyle(System.getenv("AWS_ENDPOINT_URL_S3") != null)
                .build();
    }

    @Override
    protected void handleRecord(S3Record record, Context context) {
        String key = record.key();
        if (!record.isObjectCreated() || key.endsWith("/") || !key.startsWith(UPLOAD_PREFIX)) {
            LOG.atInfo()
                    .addKeyValue("key", key)
                    .addKeyValue("event_name", record.eventName())
                    .log("ignored: not an object created under " + UPLOAD_PREFIX);
            return;
        }
        String thumbnailKey = THUMBNAIL_PREFIX + key.substring(key.lastIndexOf('/') + 1);
        String eTag = unquote(record.eTag());
        try {
            if (record.size() > 0) {
                Thumbnailer.checkSize(record.size()); // over 25 MB: rejected before any request
            }
            if (eTag != null && eTag.equals(thumbnailSourceETag(record.bucket(), thumbnailKey))) {
                LOG.atInfo()
                        .addKeyValue("key", key)
                        .addKeyValue("thumbnail_key", thumbnailKey)
                        .addKeyValue("source_etag", eTag)
                        .log("thumbnail already up to date: nothing written");
                return;
            }
            ResponseBytes<GetObjectResponse> source = download(record.bucket(), key);
            String sourceETag = unquote(source.response().eTag());
            byte[] thumbnail = thumbnailer.thumbnail(source.asByteArrayUnsafe());
            s3.putObject(
                    b -> b.bucket(record.bucket())
                            .key(thumbnailKey)
                            .contentType("image/jpeg")
                            .cacheControl(CACHE_CONTROL)
                            .metadata(sourceETag == null ? Map.of() : Map.of(SOURCE_ETAG, sourceETag)),
                    RequestBody.fromBytes(thumbnail));
            created.increment();
            LOG.atInfo()
                    .addKeyValue("key", key)
                    .addKeyValue("thumbnail_key", thumbnailKey)
                    .addKeyValue("bytes", thumbnail.length)
                    .log("thumbnail written");
        } catch (ImageRejectedException e) {
            rejected.get(e.reason()).increment();
            LOG.atWarn()
                    .addKeyValue("reason", e.reason().name())
                    .addKeyValue("key", key)
                    .addKeyValue("detail", e.getMessage())
                    .log("image rejected");
        }
    }

    /** Downloads the source, checking its size again (the event's may be absent) before reading the body. */
    private ResponseBytes<GetObjectResponse> download(String bucket, String key) throws ImageRejectedException {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            Thumbnailer.checkSize(head.contentLength());
            return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).ifMatch(head.eTag()));
        } catch (NoSuchKeyException e) {
            throw new ImageRejectedException(RejectReason.SOURCE_MISSING, "the object no longer exists");
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new ImageRejectedException(RejectReason.SOURCE_MISSING, "the object no longer exists");
            }
            throw e;
        }
    }

    /** The {@code source-etag} of the existing thumbnail; null when there is none. */
    private String thumbnailSourceETag(String bucket, String thumbnailKey) {
        try {
            return s3.headObject(b -> b.bucket(bucket).key(thumbnailKey))
                    .metadata()
                    .get(SOURCE_ETAG);
        } catch (NoSuchKeyException e) {
            return null;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    private static String unquote(String eTag) {
        if (eTag == null || eTag.isBlank()) {
            return null;
        }
        return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
                ? eTag.substring(1, eTag.length() - 1)
                : eTag;
    }
}
