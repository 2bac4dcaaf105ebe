package com.example.thumbnails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.local.functions.AsyncInvokeConfig;
import dev.bricks.local.functions.AsyncInvoker;
import dev.bricks.local.s3.LocalS3;
import dev.bricks.local.s3.S3BucketConfig;
import dev.bricks.local.s3.S3Config;
import dev.bricks.test.S3Events;
import dev.bricks.test.TestContext;
import dev.bricks.test.TestInvoker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The handler in this JVM against bricks-local's S3 (s3proxy) through the real {@link S3Client}; events are built
 * here, as S3 writes them, so each case controls exactly what is delivered. {@code ThumbnailAppIT} runs the
 * packaged function on bricks-local with real notifications.
 */
class ThumbnailFunctionTest {

    private static final String BUCKET = "photos";

    private static AsyncInvoker unused;
    private static LocalS3 localS3;
    private static S3Client s3;
    private static ThumbnailFunction function;
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private static final AtomicReference<PutObjectRequest> LAST_PUT = new AtomicReference<>();

    @BeforeAll
    static void startS3() {
        unused = new AsyncInvoker(
                (id, event) -> {
                    throw new IllegalStateException("no notifications configured");
                },
                AsyncInvokeConfig.LOCAL_DEFAULT,
                line -> {});
        localS3 = new LocalS3(
                        new S3Config(0, null, "us-east-1", List.of(new S3BucketConfig(BUCKET, List.of()))), unused)
                .start();
        s3 = client(localS3.endpoint());
        function = new ThumbnailFunction(s3);
    }

    @AfterAll
    static void stopS3() {
        s3.close();
        localS3.close();
        unused.close();
    }

    @Test
    void handleRequest_keyWithSpacesAndAccent_writesThumbnailWithHeadersAndSourceETag() throws Exception {
        Uploaded photo = upload("uploads/my holiday é.jpg", Images.jpeg(Images.greenRedGreen(800, 400)));

        invoke(photo);

        HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key("thumbnails/my holiday é.jpg"));
        assertThat(head.contentType()).isEqualTo("image/jpeg");
        // bricks-local's S3 (s3proxy) does not keep Cache-Control, so the request is checked, not the object
        assertThat(LAST_PUT.get().cacheControl()).isEqualTo(ThumbnailFunction.CACHE_CONTROL);
        assertThat(head.metadata()).containsEntry(ThumbnailFunction.SOURCE_ETAG, photo.eTag());
        byte[] thumb = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("thumbnails/my holiday é.jpg"))
                .asByteArray();
        assertThat(ThumbnailerTest.decode(thumb).getWidth()).isEqualTo(150);
        assertThat(ThumbnailerTest.decode(thumb).getHeight()).isEqualTo(150);
    }

    @Test
    void handleRequest_sameEventTwice_writesTheThumbnailOnce() throws Exception {
        Uploaded photo = upload("uploads/twice.png", Images.write(Images.redOverBlue(300, 300), "png"));
        int putsBefore = calls("PutObject");

        invoke(photo);
        invoke(photo);

        assertThat(calls("PutObject") - putsBefore).isEqualTo(1);
        assertThat(s3.headObject(b -> b.bucket(BUCKET).key("thumbnails/twice.png"))
                        .metadata())
                .containsEntry(ThumbnailFunction.SOURCE_ETAG, photo.eTag());
    }

    @Test
    void handleRequest_replacedSource_writesANewThumbnail() throws Exception {
        invoke(upload("uploads/replaced.png", Images.write(Images.redOverBlue(300, 300), "png")));
        Uploaded second = upload("uploads/replaced.png", Images.write(Images.greenRedGreen(300, 300), "png"));

        invoke(second);

        assertThat(s3.headObject(b -> b.bucket(BUCKET).key("thumbnails/replaced.png"))
                        .metadata())
                .containsEntry(ThumbnailFunction.SOURCE_ETAG, second.eTag());
    }

    @Test
    void handleRequest_badFiles_succeedWithoutThumbnail() throws Exception {
        Map<String, byte[]> bad = Map.of(
                "uploads/notes.jpg", "not an image".getBytes(StandardCharsets.UTF_8),
                "uploads/empty.jpg", new byte[0],
                "uploads/cut.jpg", Images.truncated(Images.jpeg(Images.greenRedGreen(600, 300)), 0.5),
                "uploads/bomb.png", Images.pngBomb(50_000, 50_000),
                "uploads/huge.png", Images.pngBomb(8000, 5001));
        for (Map.Entry<String, byte[]> file : bad.entrySet()) {
            invoke(upload(file.getKey(), file.getValue())); // no exception: succeeds, so Lambda does not retry

            String name = file.getKey().substring("uploads/".length());
            assertThatThrownBy(() -> s3.headObject(b -> b.bucket(BUCKET).key("thumbnails/" + name)))
                    .as(name)
                    .isInstanceOf(NoSuchKeyException.class);
        }
    }

    @Test
    void handleRequest_over25MegabytesInTheEvent_isRejectedWithoutAnyS3Call() throws Exception {
        int before = totalCalls();

        invoke(new Uploaded("uploads/big.jpg", "0123456789abcdef", Thumbnailer.MAX_BYTES + 1));

        assertThat(totalCalls()).isEqualTo(before);
    }

    @Test
    void handleRequest_deletedBeforeProcessing_succeedsWithoutThumbnail() throws Exception {
        Uploaded gone = upload("uploads/gone.jpg", Images.jpeg(Images.redOverBlue(200, 200)));
        s3.deleteObject(b -> b.bucket(BUCKET).key(gone.key()));

        invoke(gone);

        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(BUCKET).key("thumbnails/gone.jpg")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void handleRequest_folderKeyAndKeyOutsideUploads_makeNoS3Call() throws Exception {
        int before = totalCalls();

        invoke(new Uploaded("uploads/album/", "d41d8cd98f00b204e9800998ecf8427e", 0));
        invoke(new Uploaded("thumbnails/avatar.jpg", "d41d8cd98f00b204e9800998ecf8427e", 1000));

        assertThat(totalCalls()).isEqualTo(before);
    }

    @Test
    void handleRequest_s3Unreachable_failsTheInvocationSoLambdaRetries() {
        S3Client closedPort = client(URI.create("http://127.0.0.1:1"));

        assertThatThrownBy(() -> TestInvoker.invoke(
                        new ThumbnailFunction(closedPort),
                        event(new Uploaded("uploads/a.jpg", "0123456789abcdef", 10)),
                        TestContext.create()))
                .hasMessageContaining("Unable to execute HTTP request");
    }

    /** An uploaded object as the event describes it. */
    record Uploaded(String key, String eTag, long size) {}

    private static Uploaded upload(String key, byte[] bytes) {
        String eTag = s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes))
                .eTag();
        return new Uploaded(key, eTag.replace("\"", ""), bytes.length);
    }

    private static void invoke(Uploaded object) throws Exception {
        TestInvoker.invoke(function, event(object), TestContext.create());
    }

    static byte[] event(Uploaded object) {
        return event(BUCKET, object);
    }

    /** The event S3 sends for a PutObject: the key form-URL-encoded (by bricks-test), size and ETag. */
    static byte[] event(String bucket, Uploaded object) {
        return S3Events.bucket(bucket)
                .created(object.key(), object.size(), object.eTag())
                .bytes();
    }

    private static int calls(String operation) {
        return CALLS.computeIfAbsent(operation, o -> new AtomicInteger()).get();
    }

    private static int totalCalls() {
        return CALLS.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** The real client, counting the calls per operation (our own interceptor; S3 itself is real). */
    private static S3Client client(URI endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                            @Override
                            public void beforeExecution(
                                    Context.BeforeExecution context, ExecutionAttributes attributes) {
                                String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
                                CALLS.computeIfAbsent(operation, o -> new AtomicInteger())
                                        .incrementAndGet();
                                if (context.request() instanceof PutObjectRequest put) {
                                    LAST_PUT.set(put);
                                }
                            }
                        })
                        .retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }
}
