package dev.bricks.benchmarks.coldstart;

import dev.bricks.local.runtime.FunctionProcess;
import dev.bricks.local.runtime.InvocationReport;
import dev.bricks.local.runtime.InvocationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What core's SnapStart priming hook does to the first invocation, as far as one machine can show it: the bricks
 * deployment (a zip on the runtime client's loader) started with {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start},
 * so the real runtime client runs the {@code org.crac} before-checkpoint hooks in-process (core's
 * {@code BricksHandler.beforeCheckpoint}: {@code setup()} then {@code prime()}), asks the Runtime API for its
 * restore ({@code bricks-local} answers at once: no snapshot is taken) and runs the after-restore hooks; then one
 * invocation. Rows, interleaved: on-demand (no hooks), SnapStart-style without priming
 * ({@code BRICKS_BENCH_PRIME=false}), SnapStart-style with priming. Prints medians of Init Duration (which holds
 * the hooks) and of the first invocation's Duration — the figure SnapStart users see after a restore.
 *
 * <pre>{@code
 * java -cp "$(harness class path)" dev.bricks.benchmarks.coldstart.SnapStartProbe [rounds] [--jdk DIR]
 * }</pre>
 *
 * Not measured here: the snapshot and its restore (Firecracker), paging the restored memory back in, and how
 * much of the JIT's and the class loader's work survives a real restore — in-process, everything does.
 */
public final class SnapStartProbe {

    private SnapStartProbe() {}

    public static void main(String[] args) throws Exception {
        int rounds = 5;
        Path jdk = Path.of(System.getProperty("java.home"));
        Path functions = Path.of("benchmarks/coldstart/functions");
        Path work = Path.of("benchmarks/coldstart/target/snapstart");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jdk" -> jdk = Path.of(args[++i]);
                case "--functions" -> functions = Path.of(args[++i]);
                default -> rounds = Integer.parseInt(args[i]);
            }
        }
        Path zip = functions.resolve("bricks/target/coldstart-bricks.zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalArgumentException("no deployment " + zip + "; run benchmarks/coldstart/run.sh first");
        }
        Path dir = work.resolve("deploy/bricks").toAbsolutePath();
        ColdStartBenchmark.deleteTree(dir);
        ColdStartBenchmark.unzip(zip, dir);
        Files.createDirectories(work.resolve("logs"));
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        List<String> rows = List.of("on-demand", "snapstart unprimed", "snapstart primed");
        rows.forEach(r -> results.put(r, new ArrayList<>()));
        try (LocalEngines engines = LocalEngines.start(ColdStartBenchmark.FUNCTION_ENVIRONMENT.get("TABLE_NAME"))) {
            for (int round = 1; round <= rounds; round++) {
                for (String row : rows) {
                    List<String> jvm = new ArrayList<>(FunctionProcess.defaultJvmOptions(512));
                    FunctionProcess.Builder b = FunctionProcess.builder()
                            .deployment(dir)
                            .handler(ColdStartBenchmark.BRICKS_HANDLER)
                            .functionName("snapstart-bricks")
                            .javaHome(jdk)
                            .functionOnSystemClassPath(false)
                            .dynamoDbEndpoint(engines.dynamoDbEndpoint())
                            .eventBridgeEndpoint(engines.eventBridgeEndpoint())
                            .output(work.resolve("logs/" + row.replace(' ', '-') + "-" + round + ".log"));
                    ColdStartBenchmark.FUNCTION_ENVIRONMENT.forEach(b::environment);
                    if (row.startsWith("snapstart")) {
                        // the managed runtime points org.crac at the runtime client's own CRaC context
                        jvm.add("-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac");
                        b.environment("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
                        b.environment("BRICKS_BENCH_PRIME", row.endsWith("unprimed") ? "false" : "true");
                    }
                    b.jvmOptions(jvm);
                    try (FunctionProcess fn = b.start()) {
                        FunctionProcess.Invocation inv = fn.invoke(ColdStartBenchmark.event(
                                "snap-" + round + "-" + row.replace(' ', '-'), "user-snap-" + round));
                        if (inv.result().status() != InvocationResult.Status.SUCCESS
                                || !inv.result().payloadAsString().contains("\"statusCode\":201")) {
                            throw new IllegalStateException(
                                    row + " failed: " + inv.result().payloadAsString() + " (log " + fn.output() + ")");
                        }
                        InvocationReport r = inv.report();
                        double init = r.initDuration().orElseThrow().toNanos() / 1e6;
                        double duration = r.duration().toNanos() / 1e6;
                        results.get(row).add(new double[] {init, duration});
                        System.out.printf(
                                Locale.ROOT,
                                "round %d %-20s init %7.1f ms  first duration %7.1f ms%n",
                                round,
                                row,
                                init,
                                duration);
                    }
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%n| row (%d rounds, %s) | Init Duration ms (median) | first Duration ms (median) |%n",
                rounds,
                jdk.getFileName());
        System.out.println("|---|---:|---:|");
        results.forEach((row, list) -> System.out.printf(
                Locale.ROOT,
                "| %s | %.0f | %.0f |%n",
                row,
                Stats.of(list.stream().map(a -> a[0]).toList()).median(),
                Stats.of(list.stream().map(a -> a[1]).toList()).median()));
    }
}
