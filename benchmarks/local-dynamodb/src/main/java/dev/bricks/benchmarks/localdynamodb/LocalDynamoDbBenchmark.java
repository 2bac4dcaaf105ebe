package dev.bricks.benchmarks.localdynamodb;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PutItem, GetItem and a 20-item Query through the AWS SDK v2 DynamoDbClient (URLConnection HTTP client), with one
 * and with eight client threads, against bricks-local-dynamodb, dynalite and the floor server, each in its own
 * process on loopback. Prints a Markdown table of operations per second.
 *
 * <p>Arguments: {@code [--engine-jar PATH] [--dynalite-cli PATH] [--seconds N] [--warmup N]}.
 */
public final class LocalDynamoDbBenchmark {
    private static final String TABLE = "bench";

    private LocalDynamoDbBenchmark() {}

    public static void main(String[] args) throws Exception {
        String engineJar = "local/dynamodb/target/bricks-local-dynamodb.jar";
        String dynaliteCli = "local/dynamodb/target/dynalite/node_modules/dynalite/cli.js";
        int seconds = 5, warmup = 2;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--engine-jar" -> engineJar = args[i + 1];
                case "--dynalite-cli" -> dynaliteCli = args[i + 1];
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (!Files.exists(Path.of(engineJar))) throw new IllegalArgumentException("engine jar not found: " + engineJar + " (build local/dynamodb first)");
        if (!Files.exists(Path.of(dynaliteCli))) {
            throw new IllegalArgumentException("dynalite not found: " + dynaliteCli + " (run the local/dynamodb tests once, or npm install dynalite@4.0.0)");
        }
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String self = Path.of(LocalDynamoDbBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<Process> processes = new ArrayList<>();
        try {
            Map<String, URI> targets = new LinkedHashMap<>();
            Map<String, Process> servers = new LinkedHashMap<>();
            targets.put("bricks-local-dynamodb", startPrinting(processes, java, "-jar", engineJar, "--port", "0"));
            servers.put("bricks-local-dynamodb", processes.get(processes.size() - 1));
            int port = freePort();
            processes.add(new ProcessBuilder("node", dynaliteCli, "--host", "127.0.0.1", "--port", Integer.toString(port),
                    "--createTableMs", "0").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            awaitPort(port);
            targets.put("dynalite", URI.create("http://127.0.0.1:" + port));
            servers.put("dynalite", processes.get(processes.size() - 1));
            targets.put("floor", startPrinting(processes, java, "-cp", self, FloorServer.class.getName()));
            servers.put("floor", processes.get(processes.size() - 1));

            String[] ops = {"PutItem", "GetItem", "Query"};
            int[] threads = {1, 8};
            Map<String, Double> results = new LinkedHashMap<>();
            Map<String, Double> cpu = new LinkedHashMap<>();
            // warm the client JVM (SDK marshalling, signing, HTTP client) first, so no target pays for its JIT
            try (DynamoDbClient c = client(targets.get("floor"))) {
                for (String op : ops) run(c, op, 8, warmup * 2);
            }
            for (Map.Entry<String, URI> t : targets.entrySet()) {
                try (DynamoDbClient c = client(t.getValue())) {
                    if (!t.getKey().equals("floor")) setUp(c);
                    // warm the server too (its JIT compiler threads would otherwise bill the first measurements)
                    for (String op : ops) run(c, op, 8, warmup);
                    for (String op : ops) {
                        for (int n : threads) {
                            long pid = servers.get(t.getKey()).pid();
                            run(c, op, n, warmup);
                            long cpu0 = cpuTicks(pid);
                            double[] rate = new double[2];
                            double r = run(c, op, n, seconds, rate);
                            double cpuMicrosPerOp = (cpuTicks(pid) - cpu0) * 10_000.0 / rate[1];
                            results.put(t.getKey() + "/" + op + "/" + n, r);
                            cpu.put(t.getKey() + "/" + op + "/" + n, cpuMicrosPerOp);
                            System.err.printf("%-22s %-8s %d thread(s): %,10.0f ops/s, server CPU %,8.0f us/op%n", t.getKey(), op, n, r, cpuMicrosPerOp);
                        }
                    }
                }
            }
            System.out.println();
            System.out.println("| Operation | Client threads | bricks-local-dynamodb ops/s | dynalite ops/s | floor ops/s | bricks ÷ dynalite | floor ÷ bricks | server CPU µs/op: bricks / dynalite / floor |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---|");
            for (String op : ops) {
                for (int n : threads) {
                    double b = results.get("bricks-local-dynamodb/" + op + "/" + n);
                    double d = results.get("dynalite/" + op + "/" + n);
                    double f = results.get("floor/" + op + "/" + n);
                    String k = "/" + op + "/" + n;
                    System.out.printf("| %s | %d | %,.0f | %,.0f | %,.0f | %.1f× | %.2f× | %,.0f / %,.0f / %,.0f |%n", op, n, b, d, f, b / d, f / b,
                            cpu.get("bricks-local-dynamodb" + k), cpu.get("dynalite" + k), cpu.get("floor" + k));
                }
            }
        } finally {
            for (Process p : processes) {
                p.destroy();
                if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly();
            }
        }
    }

    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"))).build();
    }

    private static void setUp(DynamoDbClient c) throws InterruptedException {
        c.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
        while (!c.describeTable(b -> b.tableName(TABLE)).table().tableStatusAsString().equals("ACTIVE")) Thread.sleep(20);
        c.putItem(b -> b.tableName(TABLE).item(Data.item("get", 0)));
        for (int i = 0; i < Data.QUERY_ITEMS; i++) {
            int k = i;
            c.putItem(b -> b.tableName(TABLE).item(Data.item("q", k)));
        }
    }

    /** User + system CPU of a process in clock ticks (1/100 s on Linux), from /proc; 0 where unavailable. */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double run(DynamoDbClient c, String op, int threads, int seconds) throws InterruptedException {
        return run(c, op, threads, seconds, new double[2]);
    }

    /** Runs op for the given time; returns ops/s and stores {elapsed seconds, operation count} in out. */
    private static double run(DynamoDbClient c, String op, int threads, int seconds, double[] out) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong count = new AtomicLong();
        AtomicLong seq = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        Map<String, AttributeValue> getKey = Map.of("pk", AttributeValue.fromS("get"), "sk", AttributeValue.fromN("0"));
        Map<String, AttributeValue> queryValues = Map.of(":p", AttributeValue.fromS("q"));
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        switch (op) {
                            case "PutItem" -> {
                                long k = seq.incrementAndGet();
                                c.putItem(b -> b.tableName(TABLE).item(Data.item("put-" + (k % 10_000), (int) (k % 7))));
                            }
                            case "GetItem" -> {
                                if (!c.getItem(b -> b.tableName(TABLE).key(getKey)).hasItem()) throw new IllegalStateException("no item");
                            }
                            default -> {
                                QueryResponse r = c.query(b -> b.tableName(TABLE).keyConditionExpression("pk = :p").expressionAttributeValues(queryValues));
                                if (r.count() != Data.QUERY_ITEMS) throw new IllegalStateException("query returned " + r.count());
                            }
                        }
                        count.incrementAndGet();
                    }
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
        double elapsed = (System.nanoTime() - start) / 1e9;
        out[0] = elapsed;
        out[1] = count.get();
        return count.get() / elapsed;
    }

    private static URI startPrinting(List<Process> processes, String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        processes.add(p);
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (line == null) throw new IllegalStateException("server did not start: " + String.join(" ", command));
        return URI.create(line.trim());
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
