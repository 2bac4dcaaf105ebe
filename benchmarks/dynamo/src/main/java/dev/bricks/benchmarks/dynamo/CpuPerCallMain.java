package dev.bricks.benchmarks.dynamo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Thread CPU per call of the repository vs hand-written low-level calls, in interleaved rounds (each round runs every
 * variant once, in rotated order), so that a loaded machine disturbs all variants alike. Thread CPU time, not wall
 * time: other processes on a shared machine change it far less. Variants: {@code total} — put + get + query(10)
 * through the SDK against the in-process engine (everything runs on this thread: SDK marshalling, engine, repository);
 * {@code own} — render a put and a query and decode 11 items, nothing sent (the repository's own CPU). Usage:
 * {@code CpuPerCallMain [rounds] [callsPerRound]}; prints one line per variant and the ratios.
 */
public final class CpuPerCallMain {
    private CpuPerCallMain() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        RepositoryOverheadBenchmark total = new RepositoryOverheadBenchmark();
        total.transport = "inprocess";
        total.setUp();
        RequestCodecBenchmark own = new RequestCodecBenchmark();
        own.setUp();
        Map<String, Supplier<Object>> variants = new LinkedHashMap<>();
        variants.put("total repository", total::repository);
        variants.put("total low-level by hand", total::lowLevelHandWritten);
        variants.put("own CPU repository", own::repository);
        variants.put("own CPU by hand", own::handWritten);
        List<String> names = new ArrayList<>(variants.keySet());
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        names.forEach(n -> samples.put(n, new ArrayList<>()));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int r = -3; r < rounds; r++) { // three unmeasured warm-up rounds
            for (int v = 0; v < names.size(); v++) {
                String name = names.get(Math.floorMod(v + r, names.size()));
                Supplier<Object> call = variants.get(name);
                long cpu0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    sink += call.get().hashCode();
                }
                double micros = (mx.getCurrentThreadCpuTime() - cpu0) / 1e3 / calls;
                if (r >= 0) {
                    samples.get(name).add(micros);
                }
            }
        }
        total.tearDown();
        own.tearDown();
        for (String n : names) {
            List<Double> s = samples.get(n);
            s.sort(null);
            System.out.printf(
                    "%-24s median %8.2f µs CPU/call  (p25 %.2f, p75 %.2f, min %.2f, max %.2f; %d rounds x %d calls)%n",
                    n, pct(s, 50), pct(s, 25), pct(s, 75), s.get(0), s.get(s.size() - 1), rounds, calls);
        }
        ratio(samples, "total repository", "total low-level by hand");
        ratio(samples, "own CPU repository", "own CPU by hand");
        System.out.println("(checksum " + sink + ")");
    }

    private static void ratio(Map<String, List<Double>> samples, String a, String b) {
        List<Double> x = samples.get(a);
        List<Double> y = samples.get(b);
        boolean separate = pct(x, 25) > pct(y, 75) || pct(y, 25) > pct(x, 75);
        System.out.printf(
                "%s / %s = %.2fx on the medians; interquartile ranges %s%n",
                a, b, pct(x, 50) / pct(y, 50), separate ? "separate" : "overlap (cannot be told apart)");
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.round(p / 100.0 * (sorted.size() - 1))));
    }
}
