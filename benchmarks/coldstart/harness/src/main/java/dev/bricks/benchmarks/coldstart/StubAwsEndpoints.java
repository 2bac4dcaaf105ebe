package dev.bricks.benchmarks.coldstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * STUB FOR TRIAL RUNS ONLY. Answers DynamoDB {@code TransactWriteItems} and EventBridge {@code PutEvents} with
 * canned, valid responses and stores nothing, so the harness can run before the local engines
 * ({@code local/dynamodb}, {@code local/eventbridge}) are on this branch. Real measurements point
 * {@code --dynamodb-endpoint} and {@code --eventbridge-endpoint} at those engines instead; the report says
 * which was used.
 *
 * <p>Both services share one loopback port; the operation is taken from {@code X-Amz-Target}. Each request
 * body is recorded, so the harness can compare what the variants sent. Thread-safe.
 */
final class StubAwsEndpoints implements AutoCloseable {

    /** One recorded request: the {@code X-Amz-Target} and the JSON body. */
    record Request(String target, String body) {}

    private final HttpServer http;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "stub-aws");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    StubAwsEndpoints() {
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
        } catch (IOException e) {
            throw new UncheckedIOException("stub could not bind a loopback port", e);
        }
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
    }

    URI endpoint() {
        return URI.create("http://" + http.getAddress().getAddress().getHostAddress() + ":"
                + http.getAddress().getPort());
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    void clear() {
        requests.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String target = String.valueOf(ex.getRequestHeaders().getFirst("X-Amz-Target"));
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(target, body));
            switch (target) {
                case "DynamoDB_20120810.TransactWriteItems" -> send(ex, 200, "application/x-amz-json-1.0", "{}");
                case "AWSEvents.PutEvents" ->
                    send(
                            ex,
                            200,
                            "application/x-amz-json-1.1",
                            "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"" + UUID.randomUUID() + "\"}]}");
                default ->
                    send(
                            ex,
                            400,
                            "application/x-amz-json-1.1",
                            "{\"__type\":\"UnknownOperationException\",\"message\":\"stub answers only TransactWriteItems and PutEvents, not "
                                    + target + "\"}");
            }
        }
    }

    private static void send(HttpExchange ex, int status, String contentType, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }
}
