package dev.bricks.local.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a class-data-sharing archive for a function at build time: runs it once, through the real runtime
 * client, on a sample event with {@code -XX:ArchiveClassesAtExit=<archive>}, then shuts the JVM down in order
 * so the JDK writes every class it loaded (JDK, runtime client, function and its libraries) into the archive.
 * Later starts use it through {@link #javaToolOptions(Path)}, the value for {@code JAVA_TOOL_OPTIONS}.
 *
 * <pre>{@code
 * Path jsa = ClassDataArchive.build(FunctionProcess.builder().deployment(dir).handler(handler),
 *         Files.readAllBytes(Path.of("sample-event.json")), dir.resolve("function.jsa"));
 * FunctionProcess fn = FunctionProcess.builder().deployment(dir).handler(handler)
 *         .javaToolOptions(ClassDataArchive.javaToolOptions(jsa)).start();
 * }</pre>
 *
 * <p>Limits, from the JDK: the archive only fits the exact JDK build that wrote it and the same class path
 * (same absolute paths, same jar sizes and modification times), so build it where the function will run
 * from. With {@code -Xshare:auto} a JVM that finds a mismatching or damaged archive starts normally without
 * it, only slower. Classes from class-path directories (not jars) are not archived.
 *
 * <p>Command line, for a build step (exec-maven-plugin at {@code package}):
 * {@code java -cp bricks-local.jar:<runtime client jars> dev.bricks.local.runtime.ClassDataArchive
 * --deployment DIR --handler H --event FILE --archive OUT.jsa [--env NAME=VALUE]… [--memory MB]
 * [--dynamodb-endpoint URL] [--eventbridge-endpoint URL] [--jdk JAVA_HOME] [--aot-cache]}; with {@code --aot-cache}
 * (JDK 25+) it writes an AOT cache ({@link #buildAotCache}) instead of a CDS archive. Stateless; thread-safe.
 */
public final class ClassDataArchive {

    private ClassDataArchive() {}

    /**
     * Runs the function once on {@code sampleEvent} and writes the archive.
     *
     * @param function the function's options as it will run (class path, JVM options); not modified
     * @param sampleEvent an event the function handles successfully
     * @param archive where to write the archive; replaced if present
     * @return {@code archive}
     * @throws IllegalStateException if the sample invocation fails or the JVM writes no archive
     */
    public static Path build(FunctionProcess.Builder function, byte[] sampleEvent, Path archive) {
        return train(function, sampleEvent, archive, "-XX:ArchiveClassesAtExit=");
    }

    /**
     * Runs the function once on {@code sampleEvent} on a JDK 25 or newer ({@link FunctionProcess.Builder#javaHome})
     * with {@code -XX:AOTCacheOutput} and writes its ahead-of-time cache (JEP 483/514/515: classes loaded and
     * linked, plus method profiles), which a later start uses through {@link #aotCacheOptions(Path)}. The same
     * limits as a CDS archive: the same JDK build and the same class path.
     *
     * @param function the function's options as it will run; not modified
     * @param sampleEvent an event the function handles successfully
     * @param cache where to write the cache; replaced if present
     * @return {@code cache}
     * @throws IllegalStateException if the sample invocation fails or the JVM writes no cache
     */
    public static Path buildAotCache(FunctionProcess.Builder function, byte[] sampleEvent, Path cache) {
        return train(function, sampleEvent, cache, "-XX:AOTCacheOutput=");
    }

    private static Path train(FunctionProcess.Builder function, byte[] sampleEvent, Path archive, String flag) {
        Path target = archive.toAbsolutePath().normalize();
        try {
            Files.deleteIfExists(target);
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the archive " + target, e);
        }
        FunctionProcess.Builder training = function.copy();
        if (training.functionOnSystemClassPath()) {
            requireJarsOnly(training.deployment());
        }
        List<String> options = new ArrayList<>(training.effectiveJvmOptions());
        options.removeIf(o -> o.startsWith("-XX:SharedArchiveFile")
                || o.startsWith("-XX:ArchiveClassesAtExit")
                || o.startsWith("-XX:AOTCache"));
        options.add(flag + target);
        training.jvmOptions(options).javaToolOptions(null);
        FunctionProcess process = training.start();
        try {
            FunctionProcess.Invocation run = process.invoke(sampleEvent);
            if (run.result().status() != InvocationResult.Status.SUCCESS) {
                throw new IllegalStateException("The sample event failed, so no archive was written: "
                        + run.result().payloadAsString());
            }
            // the AOT cache is assembled by a child JVM at exit: give it time
            process.stop(Duration.ofSeconds(120));
        } catch (RuntimeException e) {
            process.close();
            deleteQuietly(target);
            throw e;
        } finally {
            process.close();
        }
        if (!Files.isRegularFile(target)) {
            throw new IllegalStateException(
                    "The JVM wrote no archive at " + target + "; its output: " + process.output());
        }
        return target;
    }

    /** JDK 17 refuses to dump an archive when a class-path directory holds files ("non-empty directory"). */
    private static void requireJarsOnly(Path deployment) {
        if (deployment == null || !Files.isDirectory(deployment)) {
            return;
        }
        try (var top = Files.list(deployment)) {
            List<String> loose = top.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("lib"))
                    .sorted()
                    .toList();
            if (!loose.isEmpty()) {
                throw new IllegalArgumentException("Cannot archive " + deployment + ": it has " + loose
                        + " outside lib/, and the JDK archives classes from jars only (a non-empty class-path directory"
                        + " stops the dump). Package the function's classes as a jar in lib/.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort: a half-trained archive is harmless under -Xshare:auto
        }
    }

    /** {@code -XX:SharedArchiveFile=<archive> -Xshare:auto}: use the archive when it fits, start normally when not. */
    public static String javaToolOptions(Path archive) {
        return "-XX:SharedArchiveFile=" + archive.toAbsolutePath().normalize() + " -Xshare:auto";
    }

    /** {@code -XX:AOTCache=<cache>}: use the AOT cache when it fits (JDK 25 starts normally, with a warning, when not). */
    public static String aotCacheOptions(Path cache) {
        return "-XX:AOTCache=" + cache.toAbsolutePath().normalize();
    }

    /** The command line described in the class comment. Exits 2 on a usage error, 1 on a failed build. */
    public static void main(String[] args) {
        FunctionProcess.Builder fn = FunctionProcess.builder().functionName("archive-training");
        Path event = null;
        Path archive = null;
        boolean aot = false;
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--aot-cache")) {
                    aot = true;
                    continue;
                }
                String value = i + 1 < args.length ? args[i + 1] : null;
                if (value == null) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                switch (args[i]) {
                    case "--deployment" -> fn.deployment(Path.of(value));
                    case "--handler" -> fn.handler(value);
                    case "--event" -> event = Path.of(value);
                    case "--archive" -> archive = Path.of(value);
                    case "--memory" -> fn.memoryMb(Integer.parseInt(value));
                    case "--jdk" -> fn.javaHome(Path.of(value));
                    case "--dynamodb-endpoint" -> fn.dynamoDbEndpoint(URI.create(value));
                    case "--eventbridge-endpoint" -> fn.eventBridgeEndpoint(URI.create(value));
                    case "--env" -> {
                        int eq = value.indexOf('=');
                        if (eq < 1) {
                            throw new IllegalArgumentException("--env needs NAME=VALUE, was '" + value + "'");
                        }
                        fn.environment(value.substring(0, eq), value.substring(eq + 1));
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if (event == null || archive == null) {
                throw new IllegalArgumentException("--deployment, --handler, --event and --archive are required");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("ClassDataArchive: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            byte[] sample = Files.readAllBytes(event);
            Path written = aot ? buildAotCache(fn, sample, archive) : build(fn, sample, archive);
            System.out.println("ClassDataArchive: wrote " + written + " (" + Files.size(written) / 1024 + " KiB); use "
                    + "JAVA_TOOL_OPTIONS=\"" + (aot ? aotCacheOptions(written) : javaToolOptions(written)) + "\"");
        } catch (IOException | RuntimeException e) {
            System.err.println("ClassDataArchive: " + e.getMessage());
            System.exit(1);
        }
    }
}
