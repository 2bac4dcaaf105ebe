package dev.bricks.local.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * The HTTP side: DynamoDB's JSON 1.0 protocol ({@code X-Amz-Target: DynamoDB_20120810.<Op>} and
 * {@code DynamoDBStreams_20120810.<Op>}) on the JDK's HTTP server with a fixed worker pool.
 */
final class HttpFront {
    private static final String DDB = "DynamoDB_20120810.";
    private static final String STREAMS = "DynamoDBStreams_20120810.";
    private static final String CORAL = "com.amazon.coral.service#";
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** DynamoDB's largest request (BatchWriteItem) is 16 MB. */
    static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY every response waits for the
        // client's delayed ACK (~40 ms). Read once by the JDK when its first HttpServer starts; an explicit
        // setting by the application wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService pool;
    private final Engine engine;

    HttpFront(Engine engine, InetSocketAddress address, int threads) throws IOException {
        this.engine = engine;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "local-dynamodb-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(address, 128);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readNBytes(MAX_REQUEST_BYTES + 1);
            if (body.length > MAX_REQUEST_BYTES) {
                send(ex, 413, error(DynamoException.validation("Request size exceeded " + MAX_REQUEST_BYTES + " bytes")),
                        "application/x-amz-json-1.0");
                return;
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                send(ex, 200, "healthy: dynamodb.us-east-1.amazonaws.com ".getBytes(StandardCharsets.UTF_8), "text/plain");
                return;
            }
            String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
            String op = null;
            if (target != null && target.startsWith(DDB)) op = target.substring(DDB.length());
            else if (target != null && target.startsWith(STREAMS)) op = target.substring(STREAMS.length());
            byte[] out;
            int status = 200;
            try {
                if (op == null || !engine.supports(op)) {
                    throw new DynamoException("UnknownOperationException", "Unknown operation: " + target, 400, null);
                }
                JsonNode req;
                try {
                    req = body.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(body);
                } catch (JsonProcessingException e) {
                    throw DynamoException.serialization("Malformed JSON request body");
                }
                if (req == null || !req.isObject()) throw DynamoException.serialization("Request body must be a JSON object");
                out = MAPPER.writeValueAsBytes(engine.execute(op, req));
            } catch (DynamoException e) {
                status = e.status;
                out = error(e);
            } catch (RuntimeException | StackOverflowError e) {
                status = 500;
                out = error(new DynamoException("InternalServerError", "Internal server error: " + e.getClass().getSimpleName(), 500, null));
            }
            send(ex, status, out, "application/x-amz-json-1.0");
        }
    }

    private static byte[] error(DynamoException e) throws JsonProcessingException {
        ObjectNode o = MAPPER.createObjectNode();
        boolean coral = e.code.equals("UnknownOperationException") || e.code.equals("SerializationException");
        o.put("__type", (coral ? CORAL : DynamoException.PREFIX) + e.code);
        if (e.getMessage() != null) o.put(e.code.equals("TransactionCanceledException") ? "Message" : "message", e.getMessage());
        if (e.extra != null) o.setAll(e.extra);
        return MAPPER.writeValueAsBytes(o);
    }

    private final AtomicLong requests = new AtomicLong();
    private final String idPrefix = Long.toHexString(System.nanoTime() & 0xffffffffL);

    /** A cheap unique request id (UUID.randomUUID would take SecureRandom's lock on every response). */
    private String requestId() {
        return idPrefix + "-" + Long.toHexString(requests.incrementAndGet());
    }

    private void send(HttpExchange ex, int status, byte[] out, String contentType) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(out);
        var h = ex.getResponseHeaders();
        h.set("Content-Type", contentType);
        h.set("x-amzn-RequestId", requestId());
        h.set("x-amz-crc32", Long.toString(crc.getValue()));
        ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) ex.getResponseBody().write(out);
    }
}
