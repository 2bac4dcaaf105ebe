package dev.bricks.benchmarks.localdynamodb;

import dev.bricks.local.dynamodb.LocalDynamoDb;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * PutItem, GetItem and a 20-item Query through the AWS SDK v2 with one and with eight client threads, over these
 * paths, interleaved (every round visits every path for each cell, so a slow phase of the shared machine hits them
 * all): bricks-local-dynamodb in this JVM through its in-process SDK HTTP client; the same engine as a separate
 * process ({@code java -jar}) over loopback HTTP with the URLConnection, Apache 5 and Netty (async) SDK clients;
 * dynalite (node) over HTTP with URLConnection; and the floor, a canned-response HTTP server, with URLConnection.
 * Prints the median of the rounds as a Markdown table.
 *
 * <p>Arguments: {@code [--engine-jar PATH] [--dynalite-cli PATH] [--seconds N] [--warmup N] [--rounds N]}.
 */
public final class LocalDynamoDbBenchmark {
    private static final int[] THREADS = {1, 8};

    private LocalDynamoDbBenchmark() {}

    public static void main(String[] args) throws Exception {
        String engineJar = "local/dynamodb/target/bricks-local-dynamodb.jar";
        String dynaliteCli = "local/dynamodb/target/dynalite/node_modules/dynalite/cli.js";
        int seconds = 3;
        int warmup = 1;
        int rounds = 3;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--engine-jar" -> engineJar = args[i + 1];
                case "--dynalite-cli" -> dynaliteCli = args[i + 1];
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (!Files.exists(Path.of(engineJar))) {
            throw new IllegalArgumentException("engine jar not found: " + engineJar + " (build local/dynamodb first)");
        }
        if (!Files.exists(Path.of(dynaliteCli))) {
            throw new IllegalArgumentException("dynalite not found: " + dynaliteCli
                    + " (run the local/dynamodb tests once, or npm install dynalite@4.0.0)");
        }
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String self = Path.of(LocalDynamoDbBenchmark.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        List<Process> processes = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        try (LocalDynamoDb embedded =
                LocalDynamoDb.builder().ttlSweepInterval(Duration.ZERO).start()) {
            Process engine = startPrinting(processes, java, "-jar", engineJar, "--port", "0");
            URI engineUri = endpoint(engine);
            int dynalitePort = freePort();
            Process dynalite = new ProcessBuilder(
                            "node",
                            dynaliteCli,
                            "--host",
                            "127.0.0.1",
                            "--port",
                            Integer.toString(dynalitePort),
                            "--createTableMs",
                            "0")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            processes.add(dynalite);
            awaitPort(dynalitePort);
            URI dynaliteUri = URI.create("http://127.0.0.1:" + dynalitePort);
            Process floor = startPrinting(processes, java, "-cp", self, FloorServer.class.getName());
            URI floorUri = endpoint(floor);

            targets.add(Target.sync(
                    "in-process",
                    -1,
                    credentials(DynamoDbClient.builder().httpClient(embedded.httpClient()))
                            .build()));
            targets.add(
                    Target.sync("bricks HTTP URLConnection", engine.pid(), sync(engineUri, Transport.URL_CONNECTION)));
            targets.add(Target.sync("bricks HTTP Apache5", engine.pid(), sync(engineUri, Transport.APACHE5)));
            targets.add(Target.async(
                    "bricks HTTP Netty async",
                    engine.pid(),
                    credentials(DynamoDbAsyncClient.builder()
                                    .endpointOverride(engineUri)
                                    .httpClientBuilder(
                                            NettyNioAsyncHttpClient.builder().maxConcurrency(64)))
                            .build()));
            targets.add(
                    Target.sync("dynalite URLConnection", dynalite.pid(), sync(dynaliteUri, Transport.URL_CONNECTION)));
            targets.add(Target.sync("floor URLConnection", floor.pid(), sync(floorUri, Transport.URL_CONNECTION)));
            try (DynamoDbClient setUp = credentials(DynamoDbClient.builder().httpClient(embedded.httpClient()))
                    .build()) {
                setUp(setUp);
            }
            for (URI server : List.of(engineUri, dynaliteUri)) {
                try (DynamoDbClient setUp = sync(server, Transport.URL_CONNECTION)) {
                    setUp(setUp);
                }
            }
            // warm every client and server (JIT) before the first measurement
            for (Target t : targets) {
                for (Operation op : Operation.values()) {
                    run(t, op, 8, warmup * 2);
                }
            }
            Map<String, List<double[]>> samples = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (Operation op : Operation.values()) {
                    for (int threads : THREADS) {
                        for (Target t : targets) {
                            run(t, op, threads, warmup);
                            long server0 = cpuTicks(t.serverPid);
                            long client0 = cpuTicks(ProcessHandle.current().pid());
                            double[] result = run(t, op, threads, seconds);
                            double serverMicros =
                                    t.serverPid < 0 ? 0 : (cpuTicks(t.serverPid) - server0) * 10_000.0 / result[1];
                            double clientMicros =
                                    (cpuTicks(ProcessHandle.current().pid()) - client0) * 10_000.0 / result[1];
                            samples.computeIfAbsent(key(t, op, threads), k -> new ArrayList<>())
                                    .add(new double[] {result[0], clientMicros + serverMicros, serverMicros});
                            System.err.printf(
                                    "round %d %-26s %-9s %d thread(s): %,9.0f ops/s, CPU %,6.0f us/op (server %,6.0f)%n",
                                    round,
                                    t.name,
                                    op.label,
                                    threads,
                                    result[0],
                                    clientMicros + serverMicros,
                                    serverMicros);
                        }
                    }
                }
            }
            print(targets, samples, rounds);
        } finally {
            for (Target t : targets) {
                t.close();
            }
            for (Process p : processes) {
                p.destroy();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    private enum Transport {
        URL_CONNECTION,
        APACHE5
    }

    private static String key(Target t, Operation op, int threads) {
        return t.name + "/" + op + "/" + threads;
    }

    private static void print(List<Target> targets, Map<String, List<double[]>> samples, int rounds) {
        System.out.println();
        System.out.println("Median of " + rounds
                + " interleaved rounds. Each cell: ops/s, then CPU µs per operation of client JVM + server"
                + " process together (in-process: the one JVM runs both).");
        System.out.println();
        StringBuilder head = new StringBuilder("| Operation | Threads |");
        StringBuilder rule = new StringBuilder("|---|---:|");
        for (Target t : targets) {
            head.append(' ').append(t.name).append(" |");
            rule.append("---:|");
        }
        head.append(" in-process ÷ dynalite: ops/s, CPU/op |");
        rule.append("---:|");
        System.out.println(head);
        System.out.println(rule);
        for (Operation op : Operation.values()) {
            for (int threads : THREADS) {
                StringBuilder row = new StringBuilder("| " + op.label + " | " + threads + " |");
                for (Target t : targets) {
                    double[] m = median(samples.get(key(t, op, threads)));
                    row.append(String.format(" %,.0f / %,.0f µs |", m[0], m[1]));
                }
                double[] inProcess = median(samples.get(key(targets.get(0), op, threads)));
                double[] dynalite = median(samples.get("dynalite URLConnection/" + op + "/" + threads));
                row.append(String.format(" %.1f×, %.1f× |", inProcess[0] / dynalite[0], dynalite[1] / inProcess[1]));
                System.out.println(row);
            }
        }
    }

    /** The per-component median of samples {ops/s, total CPU µs/op, server CPU µs/op}. */
    private static double[] median(List<double[]> samples) {
        double[] out = new double[3];
        for (int c = 0; c < 3; c++) {
            int component = c;
            double[] values =
                    samples.stream().mapToDouble(s -> s[component]).sorted().toArray();
            int n = values.length;
            out[c] = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
        }
        return out;
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B credentials(
            B builder) {
        return builder.region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")));
    }

    private static DynamoDbClient sync(URI endpoint, Transport transport) {
        var builder = credentials(DynamoDbClient.builder().endpointOverride(endpoint));
        return switch (transport) {
            case URL_CONNECTION ->
                builder.httpClientBuilder(UrlConnectionHttpClient.builder()).build();
            case APACHE5 ->
                builder.httpClientBuilder(Apache5HttpClient.builder().maxConnections(64))
                        .build();
        };
    }

    private static void setUp(DynamoDbClient c) throws InterruptedException {
        c.createTable(b -> b.tableName(Target.TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder()
                                .attributeName("pk")
                                .attributeType(ScalarAttributeType.S)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("sk")
                                .attributeType(ScalarAttributeType.N)
                                .build())
                .keySchema(
                        KeySchemaElement.builder()
                                .attributeName("pk")
                                .keyType(KeyType.HASH)
                                .build(),
                        KeySchemaElement.builder()
                                .attributeName("sk")
                                .keyType(KeyType.RANGE)
                                .build()));
        while (!c.describeTable(b -> b.tableName(Target.TABLE))
                .table()
                .tableStatusAsString()
                .equals("ACTIVE")) {
            Thread.sleep(20);
        }
        c.putItem(b -> b.tableName(Target.TABLE).item(Data.item("get", 0)));
        for (int i = 0; i < Data.QUERY_ITEMS; i++) {
            int k = i;
            c.putItem(b -> b.tableName(Target.TABLE).item(Data.item("q", k)));
        }
    }

    /** User + system CPU of a process in clock ticks (1/100 s on Linux), from /proc; 0 where unavailable. */
    private static long cpuTicks(long pid) {
        if (pid < 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Runs op on threads client threads for the given time; returns {ops/s, operation count}. */
    private static double[] run(Target target, Operation op, int threads, int seconds) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong count = new AtomicLong();
        AtomicLong seq = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(threads);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        target.call(op, seq.incrementAndGet());
                        count.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            });
            th.setDaemon(true);
            ts.add(th);
        }
        long start = System.nanoTime();
        ts.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        done.await();
        if (failure.get() != null) {
            throw new IllegalStateException(target.name + " " + op.label + " failed", failure.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new double[] {count.get() / elapsed, count.get()};
    }

    private static URI endpoint(Process p) throws IOException {
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new IllegalStateException(
                    "server did not start: " + p.info().commandLine().orElse("?"));
        }
        return URI.create(line.trim());
    }

    private static Process startPrinting(List<Process> processes, String... command) throws IOException {
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        processes.add(p);
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("dynalite did not start on port " + port);
    }
}
