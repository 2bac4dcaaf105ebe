package dev.bricks.benchmarks.coldstart;

import dev.bricks.local.runtime.ClassDataArchive;
import dev.bricks.local.runtime.FunctionProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds Bricks' recommended deployment of the benchmark's bricks function: a container-image layout (the
 * function's jars on the class path, {@code /var/task/lib} here {@code target/recommended/task/lib}) on JDK 25
 * with an AOT cache written at build time by one training run against the real local engines
 * ({@link ClassDataArchive#buildAotCache}). Writes {@code target/recommended/}: {@code task/lib/*.jar},
 * {@code function.aot}, {@code launch.txt} (the exact command the cache fits) and {@code deployment.zip} (jars and
 * cache, to measure the size). Run by the Maven profile {@code recommended} of this module:
 *
 * <pre>{@code
 * ./mvnw -B -o -P coldstart,recommended -pl benchmarks/coldstart/functions/bricks,benchmarks/coldstart/harness \
 *     -am package -DskipTests
 * }</pre>
 *
 * A cache fits only the JDK build and the absolute class path it was trained with: for a real image run the same
 * training in the image build, with the image's JDK and paths (see benchmarks/coldstart/README.md).
 */
public final class RecommendedDeployment {

    private RecommendedDeployment() {}

    public static void main(String[] args) throws Exception {
        Path functions = Path.of(args.length > 0 ? args[0] : "benchmarks/coldstart/functions")
                .toAbsolutePath()
                .normalize();
        Path jdk = args.length > 1 ? Path.of(args[1]) : ColdStartBenchmark.DEFAULT_JDK25;
        Path zip = functions.resolve("bricks/target/coldstart-bricks.zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalArgumentException("no deployment " + zip + "; package functions/bricks first");
        }
        Path out = functions.resolve("bricks/target/recommended").toAbsolutePath();
        ColdStartBenchmark.deleteTree(out);
        Path task = out.resolve("task");
        ColdStartBenchmark.unzip(zip, task);
        Path cache = out.resolve("function.aot");
        try (LocalEngines engines = LocalEngines.start(ColdStartBenchmark.FUNCTION_ENVIRONMENT.get("TABLE_NAME"))) {
            FunctionProcess.Builder fn = FunctionProcess.builder()
                    .deployment(task)
                    .handler(ColdStartBenchmark.BRICKS_HANDLER)
                    .functionName("recommended-bricks")
                    .javaHome(jdk)
                    .functionOnSystemClassPath(true)
                    .dynamoDbEndpoint(engines.dynamoDbEndpoint())
                    .eventBridgeEndpoint(engines.eventBridgeEndpoint())
                    .output(out.resolve("training.log"));
            ColdStartBenchmark.FUNCTION_ENVIRONMENT.forEach(fn::environment);
            ClassDataArchive.buildAotCache(
                    fn,
                    ColdStartBenchmark.event("recommended-" + Long.toHexString(System.nanoTime()), "user-recommended"),
                    cache);
            // one start with the cache: proves it is used, and records the command it fits
            try (FunctionProcess check = fn.javaToolOptions(ClassDataArchive.aotCacheOptions(cache))
                    .output(out.resolve("check.log"))
                    .start()) {
                FunctionProcess.Invocation inv = check.invoke(ColdStartBenchmark.event(
                        "recommended-" + Long.toHexString(System.nanoTime()), "user-recommended"));
                Files.writeString(
                        out.resolve("launch.txt"),
                        "JAVA_TOOL_OPTIONS=" + ClassDataArchive.aotCacheOptions(cache) + "\n"
                                + String.join(" ", check.command()) + "\n");
                System.out.printf(
                        Locale.ROOT,
                        "check start with the cache: whole %.0f ms, %d of %d classes from the cache (%s)%n",
                        inv.report().sinceProcessStart().toNanos() / 1e6,
                        inv.report().sharedClasses().orElse(0),
                        inv.report().loadedClasses().orElse(0),
                        inv.result().payloadAsString().contains("\"statusCode\":201") ? "201" : "NOT 201");
            }
        }
        Path deployment = out.resolve("deployment.zip");
        zip(task, cache, deployment);
        System.out.printf(
                Locale.ROOT,
                "recommended deployment in %s: function zip %.1f MB, AOT cache %.1f MB on disk, jars + cache zipped %.1f MB%n",
                out,
                Files.size(zip) / 1e6,
                Files.size(cache) / 1e6,
                Files.size(deployment) / 1e6);
    }

    private static void zip(Path task, Path cache, Path target) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target));
                Stream<Path> files = Files.walk(task)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(task.relativize(p).toString()));
                Files.copy(p, zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(cache.getFileName().toString()));
            Files.copy(cache, zip);
            zip.closeEntry();
        }
    }
}
