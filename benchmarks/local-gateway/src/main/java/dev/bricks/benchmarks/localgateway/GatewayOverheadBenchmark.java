package dev.bricks.benchmarks.localgateway;

import dev.bricks.local.functions.FunctionEnvironments;
import dev.bricks.local.functions.FunctionInvoker;
import dev.bricks.local.functions.FunctionLogs;
import dev.bricks.local.functions.FunctionSpec;
import dev.bricks.local.functions.InvokeOutcome;
import dev.bricks.local.gateway.ApiConfig;
import dev.bricks.local.gateway.LocalApiGateway;
import dev.bricks.local.gateway.PayloadFormat;
import dev.bricks.local.gateway.RouteConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Overhead of bricks-local's API gateway: a warm hello-world function behind an HTTP API route, called over
 * loopback with {@code java.net.http}. For each request, the added latency is the client's round trip minus the
 * function's own {@code Duration} (Lambda's figure: event handed to the runtime → answer read), matched by the
 * event's request id. So it covers the HTTP server, routing, event building, the handoff to the function JVM
 * through the Runtime API, and mapping the answer back.
 *
 * <p>Phases: warm-up ({@code --warmup}, default 2000 sequential requests), one client × {@code --requests}
 * (default 2000) sequential requests, then 8 clients × 500 requests at once (0 errors expected).
 * Prints median / p90 / p99 of the added latency. Arguments: {@code --warmup N --requests N --clients N
 * --per-client N}.
 */
public final class GatewayOverheadBenchmark {

    private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\":\"([^\"]+)\"");

    private GatewayOverheadBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = new java.util.HashMap<>(
                Map.of("--warmup", 2000, "--requests", 2000, "--clients", 8, "--per-client", 500));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                System.err.println("unknown option " + args[i] + "; known: " + options.keySet());
                System.exit(2);
            }
            options.put(args[i], Integer.parseInt(args[i + 1]));
        }
        int clients = options.get("--clients");
        Path dir = Files.createTempDirectory("gateway-benchmark");
        Path deployment = helloDeployment(dir);
        FunctionSpec hello = new FunctionSpec(
                "Hello",
                "hello",
                deployment,
                HelloFunction.class.getName() + "::handleRequest",
                Path.of(System.getProperty("java.home")),
                512,
                Duration.ofSeconds(30),
                Map.of(),
                clients);
        Map<String, Duration> durations = new ConcurrentHashMap<>();
        try (FunctionEnvironments functions = new FunctionEnvironments(List.of(hello), FunctionLogs.discarding());
                LocalApiGateway gateway = LocalApiGateway.builder(recording(functions, durations))
                        .threads(2 * clients)
                        .api(ApiConfig.httpApi("HelloApi")
                                .route(new RouteConfig("GET", "/hello", "Hello", null, PayloadFormat.V2_0))
                                .build())
                        .start()) {
            URI uri = gateway.baseUrl().resolve("/hello");
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            System.out.printf(
                    "gateway %s, java %s, %d cores%n",
                    uri,
                    System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());

            run(client, uri, durations, options.get("--warmup"), new AtomicInteger());
            List<Double> direct = direct(functions, options.get("--requests"));
            report(
                    "direct FunctionInvoker calls (no HTTP, no gateway), 1 caller × " + options.get("--requests"),
                    direct,
                    0);
            AtomicInteger errors = new AtomicInteger();
            List<Double> sequential = run(client, uri, durations, options.get("--requests"), errors);
            report("sequential, 1 client × " + options.get("--requests"), sequential, errors.get());

            AtomicInteger concurrentErrors = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<List<Double>>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                futures.add(
                        pool.submit(() -> run(client, uri, durations, options.get("--per-client"), concurrentErrors)));
            }
            List<Double> concurrent = new ArrayList<>();
            for (Future<List<Double>> f : futures) {
                concurrent.addAll(f.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            report(
                    "concurrent, " + clients + " clients × " + options.get("--per-client"),
                    concurrent,
                    concurrentErrors.get());
            System.out.printf(
                    "  throughput %.0f requests/s; environments used: %d%n",
                    concurrent.size() / seconds, functions.environmentCount("Hello"));
        }
    }

    /** An invoker that remembers each invocation's Duration under the event's request id. */
    private static FunctionInvoker recording(FunctionInvoker invoker, Map<String, Duration> durations) {
        return (functionId, event) -> {
            InvokeOutcome outcome = invoker.invoke(functionId, event);
            Matcher m = REQUEST_ID.matcher(new String(event, java.nio.charset.StandardCharsets.UTF_8));
            if (m.find()) {
                durations.put(m.group(1), outcome.duration());
            }
            return outcome;
        };
    }

    /**
     * The same event handed straight to the {@link FunctionInvoker}: what the Runtime API handoff to the function
     * JVM costs by itself, so the gateway's own share is the HTTP figure minus this one.
     */
    private static List<Double> direct(FunctionInvoker functions, int n) {
        byte[] event = ("{\"version\":\"2.0\",\"routeKey\":\"GET /hello\",\"rawPath\":\"/hello\","
                        + "\"requestContext\":{\"requestId\":\"direct\"}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<Double> added = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            InvokeOutcome outcome = functions.invoke("Hello", event);
            added.add((System.nanoTime() - t0 - outcome.duration().toNanos()) / 1e6);
        }
        return added;
    }

    /** Sends {@code n} requests one after another; returns each one's added latency in ms. */
    private static List<Double> run(
            HttpClient client, URI uri, Map<String, Duration> durations, int n, AtomicInteger errors) {
        List<Double> added = new ArrayList<>(n);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                long roundTrip = System.nanoTime() - t0;
                String id = response.headers().firstValue("apigw-requestid").orElse("");
                Duration fn = durations.remove(id);
                if (response.statusCode() != 200 || !"hello".equals(response.body()) || fn == null) {
                    errors.incrementAndGet();
                    continue;
                }
                added.add((roundTrip - fn.toNanos()) / 1e6);
            } catch (IOException e) {
                errors.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                errors.incrementAndGet();
                break;
            }
        }
        return added;
    }

    private static void report(String phase, List<Double> added, int errors) {
        Collections.sort(added);
        System.out.printf(
                "%s: %d ok, %d errors; added latency over the function's Duration: median %.3f ms, "
                        + "p90 %.3f ms, p99 %.3f ms%n",
                phase, added.size(), errors, percentile(added, 50), percentile(added, 90), percentile(added, 99));
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** A deployment directory holding {@code lib/hello.jar} with {@link HelloFunction}. */
    private static Path helloDeployment(Path dir) throws IOException {
        Path lib = Files.createDirectories(dir.resolve("hello/lib"));
        String entry = HelloFunction.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(lib.resolve("hello.jar")));
                var in = HelloFunction.class.getClassLoader().getResourceAsStream(entry)) {
            jar.putNextEntry(new JarEntry(entry));
            in.transferTo(jar);
            jar.closeEntry();
        }
        return lib.getParent();
    }
}
