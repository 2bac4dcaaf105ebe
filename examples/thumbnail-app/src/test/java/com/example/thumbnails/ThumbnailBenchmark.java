package com.example.thumbnails;

import dev.bricks.local.functions.AsyncInvokeConfig;
import dev.bricks.local.functions.AsyncInvoker;
import dev.bricks.local.runtime.FunctionProcess;
import dev.bricks.local.runtime.InvocationReport;
import dev.bricks.local.runtime.InvocationResult;
import dev.bricks.local.s3.LocalS3;
import dev.bricks.local.s3.S3BucketConfig;
import dev.bricks.local.s3.S3Config;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Whole-process benchmark of the function (run by {@code benchmark.sh}, not a test): for each deployment directory,
 * memory size and image, {@code runs} fresh function JVMs on Lambda's runtime client (bricks-local's
 * {@link FunctionProcess}) against bricks-local's S3; each JVM gets one cold invocation and three warm ones.
 * Prints one Markdown row per combination: medians of Init Duration, the cold invocation's Duration, the warm
 * Duration and process start to first answer; the highest peak RSS ({@code VmHWM}).
 *
 * <pre>
 * ThumbnailBenchmark RUNS DEPLOYMENT_DIR[=LABEL]...
 * </pre>
 */
public final class ThumbnailBenchmark {

    private static final String BUCKET = "bench";
    private static final String HANDLER = "com.example.thumbnails.ThumbnailFunction::handleRequest";

    private ThumbnailBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        try (AsyncInvoker unused = new AsyncInvoker(
                        (id, e) -> {
                            throw new IllegalStateException("no notifications");
                        },
                        AsyncInvokeConfig.LOCAL_DEFAULT,
                        line -> {});
                LocalS3 localS3 = new LocalS3(
                                new S3Config(0, null, "us-east-1", List.of(new S3BucketConfig(BUCKET, List.of()))),
                                unused)
                        .start();
                S3Client s3 = S3Client.builder()
                        .endpointOverride(localS3.endpoint())
                        .forcePathStyle(true)
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                        .build()) {
            List<ThumbnailFunctionTest.Uploaded> images = List.of(
                    upload(s3, "uploads/photo-12mp.jpg", Images.jpeg(photo(4000, 3000), 0.9f)),
                    upload(s3, "uploads/graphic-1mp.png", Images.write(photo(1000, 1000), "png")));
            System.out.println("| deployment | memory | image | Init Duration | cold Duration | warm Duration"
                    + " | start to first answer | peak RSS |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (int a = 1; a < args.length; a++) {
                String[] spec = args[a].split("=", 2);
                for (int memory : new int[] {512, 1024}) {
                    for (ThumbnailFunctionTest.Uploaded image : images) {
                        measure(
                                s3,
                                localS3,
                                Path.of(spec[0]),
                                spec.length > 1 ? spec[1] : spec[0],
                                memory,
                                image,
                                runs);
                    }
                }
            }
        }
    }

    private static void measure(
            S3Client s3,
            LocalS3 localS3,
            Path deployment,
            String label,
            int memory,
            ThumbnailFunctionTest.Uploaded image,
            int runs) {
        List<Double> init = new ArrayList<>();
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        long rssKb = 0;
        byte[] event = ThumbnailFunctionTest.event(BUCKET, image);
        String thumbnail = "thumbnails/" + image.key().substring("uploads/".length());
        for (int run = 0; run < runs; run++) {
            try (FunctionProcess fn = FunctionProcess.builder()
                    .deployment(deployment)
                    .handler(HANDLER)
                    .functionName("thumbnails")
                    .memoryMb(memory)
                    .timeout(Duration.ofSeconds(60))
                    .environment("AWS_ENDPOINT_URL_S3", localS3.endpoint().toString())
                    .outputLines(line -> {})
                    .start()) {
                s3.deleteObject(b -> b.bucket(BUCKET).key(thumbnail));
                InvocationReport report = checked(fn.invoke(event));
                init.add(millis(report.initDuration().orElseThrow()));
                cold.add(millis(report.duration()));
                first.add(millis(report.sinceProcessStart()));
                for (int i = 0; i < 3; i++) {
                    s3.deleteObject(b -> b.bucket(BUCKET).key(thumbnail));
                    report = checked(fn.invoke(event));
                    warm.add(millis(report.duration()));
                }
                rssKb = Math.max(rssKb, report.maxMemoryUsedKb().orElse(0));
                s3.headObject(b -> b.bucket(BUCKET).key(thumbnail)); // the thumbnail was written
            }
        }
        System.out.printf(
                "| %s | %d MB | %s | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %d MB |%n",
                label,
                memory,
                image.key().substring("uploads/".length()),
                median(init),
                median(cold),
                median(warm),
                median(first),
                rssKb / 1024);
    }

    private static InvocationReport checked(FunctionProcess.Invocation invocation) {
        if (invocation.result().status() != InvocationResult.Status.SUCCESS) {
            throw new IllegalStateException(
                    "invocation failed: " + invocation.result().payloadAsString());
        }
        return invocation.report();
    }

    /** A photo-like image (gradients and noise, so it compresses like a photo rather than a flat test card). */
    static BufferedImage photo(int width, int height) {
        Random random = new Random(42);
        BufferedImage image = Images.image(width, height, BufferedImage.TYPE_INT_RGB, g -> {
            g.setPaint(new GradientPaint(0, 0, new Color(40, 90, 160), width, height, new Color(230, 180, 90)));
            g.fillRect(0, 0, width, height);
            for (int i = 0; i < 400; i++) {
                g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 90));
                g.fillOval(
                        random.nextInt(width),
                        random.nextInt(height),
                        20 + random.nextInt(width / 8),
                        20 + random.nextInt(height / 8));
            }
        });
        for (int i = 0; i < width * height / 20; i++) {
            image.setRGB(random.nextInt(width), random.nextInt(height), random.nextInt(0xFFFFFF));
        }
        return image;
    }

    private static ThumbnailFunctionTest.Uploaded upload(S3Client s3, String key, byte[] bytes) {
        String eTag = s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes))
                .eTag();
        System.err.printf("%s: %d bytes%n", key, bytes.length);
        return new ThumbnailFunctionTest.Uploaded(key, eTag.replace("\"", ""), bytes.length);
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
