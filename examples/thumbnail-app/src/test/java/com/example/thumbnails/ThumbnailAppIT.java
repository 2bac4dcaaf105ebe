package com.example.thumbnails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.local.app.LocalApp;
import dev.bricks.local.app.LocalAppOptions;
import dev.bricks.local.functions.InvokeOutcome;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * End to end on bricks-local: {@code template.yaml} unchanged, the packaged {@code target/thumbnail-app.zip} in a
 * function JVM on Lambda's runtime client, uploads through the real {@link S3Client}, S3's notification invoking the
 * function. The function runs with {@code MemorySize} 302, so its JVM has {@code -Xmx256m}.
 */
class ThumbnailAppIT {

    private static final String BUCKET = "thumbnail-app-uploads";
    private static final Duration WAIT = Duration.ofSeconds(120);

    private static final ByteArrayOutputStream LOGS = new ByteArrayOutputStream();
    private static LocalApp app;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        PrintStream tee = new PrintStream(
                new OutputStream() {
                    @Override
                    public void write(int b) {
                        synchronized (LOGS) {
                            LOGS.write(b);
                        }
                        System.out.write(b);
                    }
                },
                true,
                StandardCharsets.UTF_8);
        app = LocalApp.start(
                Path.of("template.yaml"),
                LocalAppOptions.builder()
                        .parameterOverride("FunctionMemory", "302") // -Xmx = 85 % = 256 MB
                        .logs(tee)
                        .colour(false)
                        .build());
        s3 = S3Client.builder()
                .endpointOverride(app.endpoints().s3())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void upload_eachFormat_thumbnailAppearsAs150SquareQuality85JpegWithoutExif() throws Exception {
        BufferedImage transparent = Images.image(400, 300, BufferedImage.TYPE_INT_ARGB, g -> {});
        Map<String, byte[]> uploads = new LinkedHashMap<>();
        uploads.put(
                "uploads/phone photo é.jpg", Images.withExifOrientation(Images.jpeg(Images.redOverBlue(1200, 600)), 6));
        uploads.put("uploads/logo.png", Images.write(transparent, "png"));
        uploads.put("uploads/anim.gif", Images.gif(Images.greenRedGreen(300, 300), Images.redOverBlue(300, 300)));
        uploads.put(
                "uploads/scan.bmp",
                Images.write(Images.image(300, 200, BufferedImage.TYPE_3BYTE_BGR, g -> g.fillRect(0, 0, 1, 1)), "bmp"));
        uploads.put("uploads/halves.webp", Images.WEBP_HALVES);
        uploads.forEach((key, bytes) -> s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes)));

        for (String key : uploads.keySet()) {
            String thumbKey = "thumbnails/" + key.substring("uploads/".length());
            waitUntil(thumbKey + " written", () -> exists(thumbKey));
            byte[] thumb =
                    s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(thumbKey)).asByteArray();
            BufferedImage image = ThumbnailerTest.decode(thumb);
            assertThat(ThumbnailerTest.formatOf(thumb)).as(key).isEqualTo("JPEG");
            assertThat(image.getWidth()).as(key).isEqualTo(150);
            assertThat(image.getHeight()).as(key).isEqualTo(150);
            assertThat(Images.quantisationTables(thumb))
                    .as(key)
                    .isEqualTo(Images.quantisationTables(Images.jpeg(Images.redOverBlue(8, 8), 0.85f)));
            assertThat(Images.segmentsBeforeScan(thumb))
                    .extracting(s -> s[0] & 0xFF)
                    .as(key)
                    .doesNotContain(0xE1, 0xE2);
            HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key(thumbKey));
            assertThat(head.contentType()).isEqualTo("image/jpeg");
            assertThat(head.metadata()).containsKey(ThumbnailFunction.SOURCE_ETAG);
        }
        BufferedImage upright =
                ThumbnailerTest.decode(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("thumbnails/phone photo é.jpg"))
                        .asByteArray());
        ThumbnailerTest.assertColour(upright, 10, 75, Images.BLUE); // EXIF 6: turned clockwise
        ThumbnailerTest.assertColour(upright, 140, 75, Images.RED);
        BufferedImage flattened =
                ThumbnailerTest.decode(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("thumbnails/logo.png"))
                        .asByteArray());
        ThumbnailerTest.assertColour(flattened, 75, 75, Color.WHITE);
    }

    @Test
    void upload_badFiles_noThumbnailOneLogLineEachAndTheFunctionSurvivesAt256Megabytes() {
        byte[] oversized = new byte[(int) Thumbnailer.MAX_BYTES + 1024];
        new Random(17).nextBytes(oversized);
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, byte[]> uploads = new LinkedHashMap<>();
        uploads.put("uploads/bad-text.jpg", "<html>not an image</html>".getBytes(StandardCharsets.UTF_8));
        expected.put("uploads/bad-text.jpg", "NOT_AN_IMAGE");
        uploads.put("uploads/bad-truncated.jpg", Images.truncated(Images.jpeg(Images.greenRedGreen(900, 600)), 0.5));
        expected.put("uploads/bad-truncated.jpg", "TRUNCATED");
        uploads.put("uploads/bad-empty.jpg", new byte[0]);
        expected.put("uploads/bad-empty.jpg", "EMPTY_FILE");
        uploads.put("uploads/bad-bomb.png", Images.pngBomb(50_000, 50_000));
        expected.put("uploads/bad-bomb.png", "TOO_MANY_PIXELS");
        uploads.put("uploads/bad-48mp.png", Images.pngBomb(8000, 6000));
        expected.put("uploads/bad-48mp.png", "TOO_MANY_PIXELS");
        uploads.put("uploads/bad-oversized.jpg", oversized);
        expected.put("uploads/bad-oversized.jpg", "FILE_TOO_LARGE");
        uploads.forEach((key, bytes) -> s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes)));

        expected.forEach((key, reason) ->
                waitUntil(key + " rejected", () -> !rejections(key).isEmpty()));
        // the function JVM that rejected them still works: a good upload after them gets its thumbnail
        s3.putObject(
                b -> b.bucket(BUCKET).key("uploads/after-bad.jpg"),
                RequestBody.fromBytes(Images.jpeg(Images.greenRedGreen(3000, 2000))));
        waitUntil("thumbnail after the bad files", () -> exists("thumbnails/after-bad.jpg"));

        expected.forEach((key, reason) -> {
            assertThat(rejections(key))
                    .as(key)
                    .singleElement()
                    .asString()
                    .contains("\"level\":\"WARN\"", "\"reason\":\"" + reason + "\"", "\"detail\":");
            assertThatThrownBy(() -> s3.headObject(
                            b -> b.bucket(BUCKET).key("thumbnails/" + key.substring("uploads/".length()))))
                    .isInstanceOf(NoSuchKeyException.class);
        });
        for (String reason : new LinkedHashSet<>(expected.values())) { // the EMF metric, one line per reason
            assertThat(logs())
                    .contains("\"Namespace\":\"ThumbnailApp\"", "\"reason\":\"" + reason + "\",\"ImagesRejected\":");
        }
        assertThat(logs())
                .doesNotContain("OutOfMemoryError", "Runtime.ExitError", "Sandbox.Timedout")
                .doesNotContain("Retrying"); // no failed invocation, so no asynchronous retry
    }

    @Test
    void invoke_sameEventAgain_writesNothingAndFolderKeysAreIgnored() {
        s3.putObject(
                b -> b.bucket(BUCKET).key("uploads/dup photo.png"),
                RequestBody.fromBytes(Images.write(Images.redOverBlue(300, 300), "png")));
        waitUntil("first thumbnail", () -> exists("thumbnails/dup photo.png"));
        String eTag = s3.headObject(b -> b.bucket(BUCKET).key("uploads/dup photo.png"))
                .eTag()
                .replace("\"", "");
        long size = s3.headObject(b -> b.bucket(BUCKET).key("uploads/dup photo.png"))
                .contentLength();

        InvokeOutcome again = app.functions()
                .invoke(
                        "ThumbnailFunction",
                        ThumbnailFunctionTest.event(
                                BUCKET, new ThumbnailFunctionTest.Uploaded("uploads/dup photo.png", eTag, size)));
        s3.putObject(b -> b.bucket(BUCKET).key("uploads/album/"), RequestBody.empty());
        waitUntil(
                "folder ignored",
                () -> logs().lines().anyMatch(l -> l.contains("\"key\":\"uploads/album/\"") && l.contains("ignored")));

        assertThat(again.succeeded()).isTrue();
        assertThat(logs().lines()
                        .filter(l ->
                                l.contains("thumbnail written") && l.contains("\"key\":\"uploads/dup photo.png\"")))
                .hasSize(1);
        assertThat(logs().lines()
                        .filter(l -> l.contains("thumbnail already up to date")
                                && l.contains("\"key\":\"uploads/dup photo.png\"")))
                .hasSize(1);
    }

    private static List<String> rejections(String key) {
        return logs().lines()
                .filter(l -> l.contains("\"message\":\"image rejected\"") && l.contains("\"key\":\"" + key + "\""))
                .toList();
    }

    private static String logs() {
        synchronized (LOGS) {
            return LOGS.toString(StandardCharsets.UTF_8);
        }
    }

    private static boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(BUCKET).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    private static void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
