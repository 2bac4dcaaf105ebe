package dev.bricks.benchmarks.localdynamodb;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The floor: a trivial HTTP server answering every DynamoDB call with a canned, valid response (the same bytes the
 * real engines return for the benchmark's data), so a run against it measures only the SDK and the HTTP round trip.
 * Same JDK HTTP server, TCP_NODELAY and worker-pool size as bricks-local-dynamodb.
 */
public final class FloorServer {
    private FloorServer() {}

    public static void main(String[] args) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Map<String, byte[]> canned = Map.of(
                "PutItem", "{}".getBytes(StandardCharsets.UTF_8),
                "GetItem", ("{\"Item\":" + Data.itemJson("get", 0) + "}").getBytes(StandardCharsets.UTF_8),
                "Query", queryJson().getBytes(StandardCharsets.UTF_8));
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setExecutor(Executors.newFixedThreadPool(Math.max(8, Runtime.getRuntime().availableProcessors() * 2)));
        server.createContext("/", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
                String op = target == null ? "" : target.substring(target.indexOf('.') + 1);
                byte[] body = canned.getOrDefault(op, empty);
                ex.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
        System.out.println("http://127.0.0.1:" + server.getAddress().getPort());
        System.out.flush();
    }

    private static String queryJson() {
        StringBuilder sb = new StringBuilder("{\"Items\":[");
        for (int i = 0; i < Data.QUERY_ITEMS; i++) {
            if (i > 0) sb.append(',');
            sb.append(Data.itemJson("q", i));
        }
        return sb.append("],\"Count\":").append(Data.QUERY_ITEMS).append(",\"ScannedCount\":").append(Data.QUERY_ITEMS).append('}').toString();
    }
}
