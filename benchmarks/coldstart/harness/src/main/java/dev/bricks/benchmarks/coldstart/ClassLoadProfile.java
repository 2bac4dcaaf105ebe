package dev.bricks.benchmarks.coldstart;

import dev.bricks.local.runtime.FunctionProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Attributes one cold start's class loading to where each class came from: starts a variant's deployment once
 * through the real runtime client (Lambda's own class loading by default) with {@code -Xlog:class+load}, invokes
 * it once against the local engines, and prints loaded classes per source — each function jar by name, the
 * runtime client, the JDK, CDS — with the time span over which each source loaded its classes. Run:
 *
 * <pre>{@code
 * java -cp "$(harness class path)" dev.bricks.benchmarks.coldstart.ClassLoadProfile bricks [bare …]
 *     [--jdk /usr/lib/jvm/temurin-25-jdk-amd64] [--function-loader system|runtime-client]
 * }</pre>
 *
 * (or {@code benchmarks/coldstart/attribution.sh}). The deployments are the zips {@code run.sh} packages.
 */
public final class ClassLoadProfile {

    private static final Pattern LINE = Pattern.compile("^\\[(\\d+\\.\\d+)s\\](?:\\[[^]]*\\])* (\\S+) source: (.*)$");

    private ClassLoadProfile() {}

    /** One class-load log line: when, which class, from where (grouped). */
    public record Loaded(double seconds, String className, String source) {}

    public static void main(String[] args) throws Exception {
        List<String> names = new ArrayList<>();
        Path jdk = Path.of(System.getProperty("java.home"));
        boolean runtimeClientLoader = true;
        Path functions = Path.of("benchmarks/coldstart/functions");
        Path work = Path.of("benchmarks/coldstart/target/attribution");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jdk" -> jdk = Path.of(args[++i]);
                case "--function-loader" -> runtimeClientLoader = args[++i].equals("runtime-client");
                case "--functions" -> functions = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                default -> names.add(args[i]);
            }
        }
        if (names.isEmpty()) {
            System.err.println(
                    "usage: ClassLoadProfile <variant>… [--jdk DIR] [--function-loader system|runtime-client]");
            System.exit(2);
        }
        Files.createDirectories(work);
        try (LocalEngines engines = LocalEngines.start(ColdStartBenchmark.FUNCTION_ENVIRONMENT.get("TABLE_NAME"))) {
            for (String name : names) {
                Path zip = functions.resolve(name).resolve("target/coldstart-" + name + ".zip");
                if (!Files.isRegularFile(zip)) {
                    throw new IllegalArgumentException(
                            "no deployment " + zip + "; run benchmarks/coldstart/run.sh first");
                }
                Path dir = work.resolve("deploy").resolve(name);
                unzipFresh(zip, dir);
                Path log = work.resolve(name + "-class-load.log");
                Files.deleteIfExists(log);
                List<String> jvm = new ArrayList<>(FunctionProcess.defaultJvmOptions(512));
                jvm.add("-Xlog:class+load=info:file=" + log.toAbsolutePath() + ":uptime");
                FunctionProcess.Builder b = FunctionProcess.builder()
                        .deployment(dir.toAbsolutePath())
                        .handler(ColdStartBenchmark.handlerOf(name))
                        .functionName("profile-" + name)
                        .javaHome(jdk)
                        .jvmOptions(jvm)
                        .functionOnSystemClassPath(!runtimeClientLoader)
                        .dynamoDbEndpoint(engines.dynamoDbEndpoint())
                        .eventBridgeEndpoint(engines.eventBridgeEndpoint())
                        .output(work.resolve(name + "-output.log"));
                ColdStartBenchmark.FUNCTION_ENVIRONMENT.forEach(b::environment);
                try (FunctionProcess fn = b.start()) {
                    var inv = fn.invoke(ColdStartBenchmark.event(
                            "profile-" + name + "-" + Long.toHexString(System.nanoTime()), "user-profile-" + name));
                    System.out.printf(
                            Locale.ROOT,
                            "%n== %s (%s, %s): init %.0f ms, first duration %.0f ms, whole %.0f ms%n",
                            name,
                            jdk.getFileName(),
                            runtimeClientLoader ? "runtime-client loader" : "function on -cp",
                            inv.report().initDuration().orElseThrow().toNanos() / 1e6,
                            inv.report().duration().toNanos() / 1e6,
                            inv.report().sinceProcessStart().toNanos() / 1e6);
                }
                print(parse(Files.readAllLines(log)));
            }
        }
    }

    public static List<Loaded> parse(List<String> lines) {
        List<Loaded> out = new ArrayList<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                out.add(new Loaded(Double.parseDouble(m.group(1)), m.group(2), group(m.group(3), m.group(2))));
            }
        }
        return out;
    }

    /** A readable source: the jar's file name without version, "JDK (jrt)", "CDS archive", or the owner of a hidden class. */
    static String group(String source, String className) {
        if (source.startsWith("shared objects file")) {
            return "CDS/AOT archive";
        }
        if (source.startsWith("jrt:/")) {
            return "JDK " + source.substring(5);
        }
        int jar = source.lastIndexOf(".jar");
        if (jar > 0) {
            String file = source.substring(source.lastIndexOf('/', jar) + 1, jar);
            return file.replaceAll("-\\d[\\w.\\-]*$", "");
        }
        if (source.startsWith("jdk.internal") || source.startsWith("java.")) {
            return "JDK generated (lambda forms, proxies)";
        }
        // lambdas and proxies name the class that defined them
        return "generated for " + packageOf(source.startsWith("__") ? className : source);
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        String p = dot > 0 ? className.substring(0, dot) : className;
        String[] parts = p.split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(parts.length, 4)));
    }

    static void print(List<Loaded> loaded) {
        Map<String, List<Loaded>> bySource = new TreeMap<>();
        loaded.forEach(l ->
                bySource.computeIfAbsent(l.source(), k -> new ArrayList<>()).add(l));
        Map<String, List<Loaded>> sorted = new LinkedHashMap<>();
        bySource.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<Loaded>> e) ->
                                e.getValue().size())
                        .reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        System.out.printf(Locale.ROOT, "%-48s %7s %10s %10s%n", "source", "classes", "first s", "last s");
        sorted.forEach((source, list) -> System.out.printf(
                Locale.ROOT,
                "%-48s %7d %10.3f %10.3f%n",
                source,
                list.size(),
                list.get(0).seconds(),
                list.get(list.size() - 1).seconds()));
        System.out.printf(Locale.ROOT, "%-48s %7d%n", "total", loaded.size());
    }

    private static void unzipFresh(Path zip, Path dir) throws IOException {
        ColdStartBenchmark.deleteTree(dir);
        ColdStartBenchmark.unzip(zip, dir);
    }
}
