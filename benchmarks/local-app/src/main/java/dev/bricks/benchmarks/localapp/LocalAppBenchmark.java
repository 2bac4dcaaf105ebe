package dev.bricks.benchmarks.localapp;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Whole-process benchmark of {@code bricks-local}: starts {@code java -jar bricks-local.jar run} on a template
 * with one hello-world function behind an HTTP API route and reports
 * <ul>
 *   <li>start to ready: process start → the {@code Ready.} line (and bricks-local's own "ready in" figure,
 *       template read → services up, which excludes JVM start-up);</li>
 *   <li>idle RSS of bricks-local's own JVM ({@code VmRSS} of its process, function JVMs are other processes);</li>
 *   <li>gateway overhead: 8 clients × 500 requests on the warm route; median client latency minus the median
 *       of the function's own {@code Duration} from the REPORT lines; errors counted.</li>
 * </ul>
 * Usage: {@code java -cp benchmarks/local-app/target/classes dev.bricks.benchmarks.localapp.LocalAppBenchmark
 * local/runtime/target/bricks-local.jar [clients] [requestsPerClient] [warmupPerClient]}
 */
public final class LocalAppBenchmark {

    private static final Pattern API = Pattern.compile("^\\s+API\\s+(http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern READY_IN = Pattern.compile("ready in (\\d+) ms");
    private static final Pattern DURATION = Pattern.compile("REPORT RequestId: \\S+\\tDuration: ([0-9.]+) ms");

    private LocalAppBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "local/runtime/target/bricks-local.jar")
                .toAbsolutePath();
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int perClient = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        // as the gateway-only benchmark: ~2000 warm-up requests, so the JIT of all three JVMs (client, bricks-local,
        // function) has compiled the path before it is measured
        int warmupPerClient = args.length > 3 ? Integer.parseInt(args[3]) : Math.max(20, 2000 / clients);
        Path dir = Files.createTempDirectory("bricks-local-bench");
        writeFunctionZip(dir.resolve("hello.zip"));
        Path template = Files.writeString(dir.resolve("template.yaml"), """
                Resources:
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: hello.zip
                      Handler: dev.bricks.benchmarks.localapp.HelloHandler::handleRequest
                      Runtime: java17
                      MemorySize: 512
                      Timeout: 10
                      ReservedConcurrentExecutions: %d
                      Events: {Hello: {Type: HttpApi, Properties: {Path: /hello, Method: GET}}}
                """.formatted(clients));

        long t0 = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "run",
                "--template",
                template.toString(),
                "--port",
                "0",
                "--no-color"));
        // e.g. -Dbricks.local.flags=--no-console: the same figures without the dev console's recording
        String flags = System.getProperty("bricks.local.flags", "").trim();
        if (!flags.isEmpty()) {
            command.addAll(List.of(flags.split("\\s+")));
        }
        Process app = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<Double> durations = Collections.synchronizedList(new ArrayList<>());
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
            String api = null;
            long readyInMs = -1;
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("Ready.")) {
                Matcher m = API.matcher(line);
                if (m.find()) {
                    api = m.group(1);
                }
                Matcher r = READY_IN.matcher(line);
                if (r.find()) {
                    readyInMs = Long.parseLong(r.group(1));
                }
            }
            double processReadyMs = (System.nanoTime() - t0) / 1e6;
            if (api == null) {
                throw new IllegalStateException("bricks-local did not start");
            }
            Thread reader = new Thread(() -> {
                try {
                    String l;
                    while ((l = out.readLine()) != null) {
                        Matcher d = DURATION.matcher(l);
                        if (d.find()) {
                            durations.add(Double.parseDouble(d.group(1)));
                        }
                    }
                } catch (IOException e) {
                    // process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
            Thread.sleep(2000);
            long idleRssKb = rssKb(app.pid());

            URI hello = URI.create(api + "/hello");
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            // warm-up: one environment per client, then enough rounds for the JIT
            runClients(http, hello, clients, warmupPerClient, new ConcurrentLinkedQueue<>(), new AtomicInteger());
            Thread.sleep(500);
            durations.clear();
            ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
            AtomicInteger errors = new AtomicInteger();
            long b0 = System.nanoTime();
            runClients(http, hello, clients, perClient, latencies, errors);
            double seconds = (System.nanoTime() - b0) / 1e9;
            Thread.sleep(500);
            long busyRssKb = rssKb(app.pid());

            double medianLatency = median(new ArrayList<>(latencies));
            double medianDuration = median(new ArrayList<>(durations));
            System.out.printf(
                    Locale.ROOT,
                    "start to ready (process start -> Ready.): %.0f ms; bricks-local's own 'ready in': %d ms%n",
                    processReadyMs,
                    readyInMs);
            System.out.printf(
                    Locale.ROOT,
                    "bricks-local JVM RSS: idle %d MB, after the load %d MB%n",
                    idleRssKb / 1024,
                    busyRssKb / 1024);
            System.out.printf(
                    Locale.ROOT,
                    "%d clients x %d requests: %d answered, %d errors, %.0f req/s%n",
                    clients,
                    perClient,
                    latencies.size(),
                    errors.get(),
                    latencies.size() / seconds);
            System.out.printf(
                    Locale.ROOT,
                    "median client latency %.2f ms, p99 %.2f ms; median function Duration %.2f ms"
                            + " (%d REPORT lines); median added latency %.2f ms%n",
                    medianLatency,
                    percentile(new ArrayList<>(latencies), 0.99),
                    medianDuration,
                    durations.size(),
                    medianLatency - medianDuration);
        } finally {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void runClients(
            HttpClient http,
            URI uri,
            int clients,
            int perClient,
            ConcurrentLinkedQueue<Double> latencies,
            AtomicInteger errors) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            all.add(CompletableFuture.runAsync(
                    () -> {
                        HttpRequest req = HttpRequest.newBuilder(uri).build();
                        for (int i = 0; i < perClient; i++) {
                            long s = System.nanoTime();
                            try {
                                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                                if (r.statusCode() != 200 || !r.body().equals("hello")) {
                                    errors.incrementAndGet();
                                    continue;
                                }
                                latencies.add((System.nanoTime() - s) / 1e6);
                            } catch (IOException | InterruptedException e) {
                                errors.incrementAndGet();
                            }
                        }
                    },
                    pool));
        }
        CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).join();
        pool.shutdown();
    }

    private static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    private static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(values);
        return values.get((int) Math.min(values.size() - 1, Math.floor(p * values.size())));
    }

    private static long rssKb(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** A Lambda deployment zip: lib/hello.jar with the handler class. */
    private static void writeFunctionZip(Path zip) throws IOException, URISyntaxException {
        // by name: loading HelloHandler here would need the Lambda core jar on this main's class path
        String entry = "dev/bricks/benchmarks/localapp/HelloHandler.class";
        Path classes = Path.of(LocalAppBenchmark.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        ByteArrayOutputStream jarBytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(jarBytes)) {
            jar.putNextEntry(new ZipEntry(entry));
            jar.write(Files.readAllBytes(classes.resolve(entry)));
            jar.closeEntry();
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("lib/hello.jar"));
            out.write(jarBytes.toByteArray());
            out.closeEntry();
        }
    }
}
