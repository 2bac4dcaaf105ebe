package com.example.orders;

import dev.bricks.local.runtime.ClassDataArchive;
import dev.bricks.local.runtime.FunctionProcess;
import dev.bricks.local.runtime.InvocationResult;
import dev.bricks.test.HttpEvents;
import dev.bricks.test.HttpResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The order app's figures, run by {@code benchmarks/order-app/benchmark.sh}: {@code placeOrder}'s warm p50 / p99
 * through bricks-local (client latency of {@code POST /order}, authorizer cached), and each function's Init
 * Duration in fresh JVMs on Lambda's runtime client ({@link FunctionProcess}, the managed runtime's JVM flags),
 * without and with a class-data-sharing archive written by a training run of that function.
 *
 * <p>Arguments: {@code <deployment dir> <SendOrderEmailFunction's deployment dir> <events dir> [warm requests]
 * [cold runs]} (deployment dirs with every class in {@code lib/*.jar}); 0 cold runs measures the warm latency
 * only. The warm latency is measured twice, back to back and with a pause between orders (the previous order's
 * asynchronous chain finished), each next to the function's own REPORT Duration (the rest is the gateway and
 * the Runtime API hops).
 */
public final class OrderBenchmark {

    private static final Duration BETWEEN_ORDERS = Duration.ofMillis(300);
    private static final Pattern PLACE_ORDER_REPORT =
            Pattern.compile("PlaceOrderFunction \\| REPORT RequestId: \\S+\\s+Duration: ([0-9.]+) ms");

    private OrderBenchmark() {}

    record Fn(String id, String handler, Supplier<byte[]> event) {}

    public static void main(String[] args) throws Exception {
        Path deployment = Path.of(args[0]).toAbsolutePath();
        Path mailDeployment = Path.of(args[1]).toAbsolutePath();
        Path events = Path.of(args[2]);
        int warm = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        try (LocalOrderApp shop = LocalOrderApp.start(Path.of("template.yaml"), 0, new PrintStream(logs, true))) {
            shop.seed();
            warmLatency(shop, warm, logs);
            if (runs > 0) {
                coldStarts(shop, deployment, mailDeployment, events, runs);
            }
        }
        System.exit(0);
    }

    private static void warmLatency(LocalOrderApp shop, int requests, ByteArrayOutputStream logs)
            throws InterruptedException {
        String token = shop.issuer().token("bench", "bench@example.com", OrdersAuthorizer.READ, OrdersAuthorizer.WRITE);
        String body =
                "{\"items\":[{\"sku\":\"BRICK-RED-2X4\",\"quantity\":1},{\"sku\":\"PLATE-GREEN-8X8\",\"quantity\":1}]}";
        for (int i = 0; i < Math.max(100, requests / 2); i++) { // JIT of client, gateway and function
            place(shop, token, body);
        }
        warmPass(shop, token, body, requests, Duration.ZERO, logs, "1 client, back to back");
        // the same with the previous order's asynchronous chain (outbox relay, updateInventory, sendOrderEmail in
        // three other JVMs) finished before the next order: what the chain's CPU costs the next request
        warmPass(
                shop,
                token,
                body,
                Math.min(requests, 100),
                BETWEEN_ORDERS,
                logs,
                BETWEEN_ORDERS.toMillis() + " ms between orders");
    }

    private static void warmPass(
            LocalOrderApp shop,
            String token,
            String body,
            int requests,
            Duration pause,
            ByteArrayOutputStream logs,
            String label)
            throws InterruptedException {
        Thread.sleep(BETWEEN_ORDERS.toMillis());
        logs.reset();
        double[] ms = new double[requests];
        for (int i = 0; i < requests; i++) {
            Thread.sleep(pause.toMillis());
            long start = System.nanoTime();
            place(shop, token, body);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        double[] durations = PLACE_ORDER_REPORT
                .matcher(logs.toString(StandardCharsets.UTF_8))
                .results()
                .mapToDouble(m -> Double.parseDouble(m.group(1)))
                .sorted()
                .toArray();
        Arrays.sort(ms);
        System.out.printf(
                "placeOrder warm, %s, %d requests (POST /order through bricks-local, authorizer cached, with an"
                        + " Idempotency-Key): p50 %.2f ms, p99 %.2f ms; the function's REPORT Duration p50 %.2f ms%n",
                label,
                requests,
                ms[requests / 2],
                ms[(int) Math.ceil(requests * 0.99) - 1],
                durations.length == 0 ? Double.NaN : durations[durations.length / 2]);
    }

    private static void place(LocalOrderApp shop, String token, String body) {
        HttpResult r = shop.api()
                .send(HttpEvents.v2()
                        .post("/order")
                        .bearer(token)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .json(body));
        if (r.statusCode() != 201) {
            throw new IllegalStateException("POST /order answered " + r.statusCode() + " " + r.body());
        }
    }

    private static void coldStarts(LocalOrderApp shop, Path deployment, Path mailDeployment, Path events, int runs)
            throws Exception {
        String token = shop.issuer().token("ada", "ada@example.com", OrdersAuthorizer.READ, OrdersAuthorizer.WRITE);
        String placeOrder = Files.readString(events.resolve("place-order.json"));
        String stream = Files.readString(events.resolve("order-stream-insert.json"));
        List<Fn> functions = List.of(
                new Fn(
                        "AuthorizerFunction",
                        OrdersAuthorizer.class.getName(),
                        () -> text(events, "authorizer.json")
                                .replace("eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl", token)
                                .getBytes(StandardCharsets.UTF_8)),
                new Fn(
                        "PlaceOrderFunction",
                        PlaceOrderFunction.class.getName(),
                        () -> placeOrder
                                .replace(
                                        "7b0c6c1e-4d0e-4a55-9a1f-3f0c2b9f6d11",
                                        UUID.randomUUID().toString())
                                .getBytes(StandardCharsets.UTF_8)),
                new Fn(
                        "GetOrdersFunction",
                        GetOrdersFunction.class.getName(),
                        () -> text(events, "get-orders.json").getBytes(StandardCharsets.UTF_8)),
                new Fn(
                        "SendOrderEmailFunction",
                        SendOrderEmailFunction.class.getName(),
                        () -> stream.replace("019a8f3c2b1e4f2a9c3d7e6f5a4b", OrderIds.next(Instant.now()))
                                .getBytes(StandardCharsets.UTF_8)),
                new Fn(
                        "UpdateInventoryFunction",
                        UpdateInventoryFunction.class.getName(),
                        () -> text(events, "order-placed.json").getBytes(StandardCharsets.UTF_8)));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TABLE_NAME", LocalOrderApp.TABLE);
        env.put("CURSOR_SECRET", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldC0zMg==");
        env.put("JWT_ISSUER", shop.issuer().issuer());
        env.put("JWT_AUDIENCE", LocalIssuer.AUDIENCE);
        env.put("MAIL_FROM", LocalOrderApp.MAIL_FROM);
        env.put("AWS_ENDPOINT_URL_SESV2", shop.app().endpoints().ses().toString());
        env.put("BRICKS_SERVICE_NAME", "order-app");
        Path archives = deployment.resolveSibling("archives");
        Files.createDirectories(archives);
        System.out.println("Init Duration per function, " + runs
                + " fresh JVMs each (median, min-max), 1024 MB flags, this JVM's JDK:");
        for (Fn fn : functions) {
            Supplier<FunctionProcess.Builder> builder = () -> {
                FunctionProcess.Builder b = FunctionProcess.builder()
                        .deployment(fn.id().equals("SendOrderEmailFunction") ? mailDeployment : deployment)
                        .handler(fn.handler())
                        .functionName(fn.id())
                        .memoryMb(1024)
                        .timeout(Duration.ofSeconds(30))
                        .dynamoDbEndpoint(shop.app().endpoints().dynamoDb())
                        .eventBridgeEndpoint(shop.app().endpoints().eventBridge());
                env.forEach(b::environment);
                return b;
            };
            String plain = measure(builder, fn, runs);
            Path jsa = ClassDataArchive.build(builder.get(), fn.event().get(), archives.resolve(fn.id() + ".jsa"));
            String withCds =
                    measure(() -> builder.get().javaToolOptions(ClassDataArchive.javaToolOptions(jsa)), fn, runs);
            System.out.printf(
                    "  %-24s without archive: %s; with archive: %s (archive %d KB)%n",
                    fn.id(), plain, withCds, Files.size(jsa) / 1024);
        }
    }

    private static String measure(Supplier<FunctionProcess.Builder> builder, Fn fn, int runs) {
        List<Double> init = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            try (FunctionProcess process = builder.get().start()) {
                FunctionProcess.Invocation invocation =
                        process.invoke(fn.event().get());
                if (invocation.result().status() != InvocationResult.Status.SUCCESS) {
                    throw new IllegalStateException(
                            fn.id() + " failed: " + invocation.result().payloadAsString());
                }
                init.add(invocation.report().initDuration().orElseThrow().toNanos() / 1e6);
                first.add(invocation.report().duration().toNanos() / 1e6);
            }
        }
        init.sort(Double::compare);
        first.sort(Double::compare);
        return String.format(
                "Init %.0f ms (%.0f-%.0f), first Duration %.0f ms",
                init.get(init.size() / 2), init.get(0), init.get(init.size() - 1), first.get(first.size() / 2));
    }

    private static String text(Path dir, String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
