package dev.bricks.local.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Lambda Runtime API ({@code /2018-06-01/runtime/...}) for one execution environment, served on loopback.
 *
 * <p>A runtime (here: Lambda's Java runtime interface client in a {@link FunctionProcess}) long-polls
 * {@code GET /2018-06-01/runtime/invocation/next}; {@link #invoke(byte[], Duration)} queues an event that the
 * next poll receives with every header Lambda sends ({@code Lambda-Runtime-Aws-Request-Id},
 * {@code -Deadline-Ms}, {@code -Invoked-Function-Arn}, {@code -Trace-Id}, {@code -Client-Context},
 * {@code -Cognito-Identity}). The runtime answers on {@code /invocation/{id}/response} or {@code /error};
 * {@code /init/error} records an initialisation failure.
 *
 * <pre>{@code
 * try (RuntimeApiServer api = RuntimeApiServer.start("arn:aws:lambda:us-east-1:000000000000:function:hello")) {
 *     // start a runtime with AWS_LAMBDA_RUNTIME_API=api.hostAndPort(), then:
 *     InvocationResult r = api.invoke(eventBytes, Duration.ofSeconds(30)).join();
 * }
 * }</pre>
 *
 * <p>Thread-safe. One server serves one execution environment, as on Lambda: invocations are handed out one at
 * a time in the order they were queued. Times are {@link System#nanoTime()} readings.
 */
public final class RuntimeApiServer implements AutoCloseable {

    /** The largest response or error body accepted, as Lambda's synchronous invoke limit: 6 MiB. */
    public static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

    static final String PREFIX = "/2018-06-01/runtime";
    static final String NEXT = PREFIX + "/invocation/next";
    static final String INVOCATION = PREFIX + "/invocation/";
    static final String INIT_ERROR = PREFIX + "/init/error";
    /** SnapStart: the runtime asks for its restore after the before-checkpoint hooks ran; answered at once. */
    static final String RESTORE_NEXT = PREFIX + "/restore/next";

    private final HttpServer http;
    private final ExecutorService executor;
    private final String functionArn;
    private final BlockingQueue<PendingInvocation> queue = new LinkedBlockingQueue<>();
    private final Map<String, PendingInvocation> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong firstNextNanos = new AtomicLong(0);
    private final CompletableFuture<RuntimeError> initError = new CompletableFuture<>();
    private volatile boolean closed;

    private RuntimeApiServer(String functionArn) throws IOException {
        this.functionArn = functionArn;
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bricks-runtime-api");
            t.setDaemon(true);
            return t;
        });
        this.http = LoopbackHttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        http.setExecutor(executor);
        http.createContext(PREFIX, this::handle);
        http.start();
    }

    /**
     * Starts a server on a free loopback port.
     *
     * @param functionArn sent as {@code Lambda-Runtime-Invoked-Function-Arn}; not null
     * @throws UncheckedIOException if no port can be bound
     */
    public static RuntimeApiServer start(String functionArn) {
        Objects.requireNonNull(functionArn, "functionArn");
        try {
            return new RuntimeApiServer(functionArn);
        } catch (IOException e) {
            throw new UncheckedIOException("Runtime API server could not bind a loopback port", e);
        }
    }

    /** {@code host:port}, the value for {@code AWS_LAMBDA_RUNTIME_API}. */
    public String hostAndPort() {
        InetSocketAddress a = http.getAddress();
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    /**
     * Queues one invocation; the runtime receives it on its next poll.
     *
     * @param payload the event, as the invoker sent it; not null
     * @param timeout the function timeout, sent as the deadline; positive
     * @return completes when the runtime posts a response or an error, or exceptionally with
     *     {@link RuntimeGoneException} if the runtime goes away first (see {@link #abandonAll})
     */
    public CompletableFuture<InvocationResult> invoke(byte[] payload, Duration timeout) {
        return invoke(UUID.randomUUID().toString(), payload, timeout);
    }

    /**
     * Queues one invocation under a request id chosen by the caller (e.g. one already printed in a
     * {@code START} line); otherwise as {@link #invoke(byte[], Duration)}.
     *
     * @param requestId the {@code Lambda-Runtime-Aws-Request-Id}; not null, unique
     */
    public CompletableFuture<InvocationResult> invoke(String requestId, byte[] payload, Duration timeout) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(payload, "payload");
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (closed) {
            throw new IllegalStateException("Runtime API server is closed");
        }
        PendingInvocation p = new PendingInvocation(
                requestId,
                payload,
                timeout,
                "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 24) + ";Parent="
                        + Long.toHexString(System.nanoTime() & 0xffffffffffffL) + ";Sampled=0;Lineage=1:bricks:0");
        inFlight.put(p.requestId, p);
        queue.add(p);
        return p.result;
    }

    /**
     * When the runtime first asked for an invocation: the end of the init phase.
     *
     * @return a {@link System#nanoTime()} reading, or empty while no {@code next} has arrived
     */
    public Optional<Long> firstNextNanos() {
        long v = firstNextNanos.get();
        return v == 0 ? Optional.empty() : Optional.of(v);
    }

    /** Completes when the runtime posts to {@code /init/error}. */
    public CompletableFuture<RuntimeError> initError() {
        return initError;
    }

    /** Fails every queued or running invocation with {@link RuntimeGoneException}, e.g. when the process exited. */
    public void abandonAll(String reason) {
        for (PendingInvocation p : inFlight.values()) {
            p.result.completeExceptionally(new RuntimeGoneException(reason));
        }
        inFlight.clear();
        queue.clear();
    }

    /** Stops serving and fails whatever is still waiting. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        abandonAll("Runtime API server closed");
        http.stop(0);
        executor.shutdownNow();
    }

    // ---- HTTP ----

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (path.equals(NEXT)) {
                if (!method.equals("GET")) {
                    problem(ex, 405, "MethodNotAllowed", "Use GET for " + NEXT);
                } else {
                    next(ex);
                }
            } else if (path.equals(RESTORE_NEXT)) {
                // no snapshot here: the process simply goes on, as if restored in place
                ex.sendResponseHeaders(200, -1);
            } else if (path.equals(INIT_ERROR)) {
                if (!method.equals("POST")) {
                    problem(ex, 405, "MethodNotAllowed", "Use POST for " + INIT_ERROR);
                    return;
                }
                byte[] body = readBody(ex);
                if (body == null) {
                    return;
                }
                initError.complete(new RuntimeError(
                        ex.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"),
                        new String(body, StandardCharsets.UTF_8)));
                accepted(ex);
            } else if (path.startsWith(INVOCATION) && (path.endsWith("/response") || path.endsWith("/error"))) {
                if (!method.equals("POST")) {
                    problem(ex, 405, "MethodNotAllowed", "Use POST for " + path);
                    return;
                }
                complete(ex, path);
            } else {
                problem(ex, 404, "NotFound", "No Runtime API resource at " + path);
            }
        }
    }

    private void next(HttpExchange ex) throws IOException {
        firstNextNanos.compareAndSet(0, System.nanoTime());
        PendingInvocation p = null;
        try {
            while (!closed && p == null) {
                p = queue.poll(200, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (p == null) {
            problem(ex, 503, "ServiceUnavailable", "Runtime API server is closing");
            return;
        }
        p.dispatchedNanos = System.nanoTime();
        var h = ex.getResponseHeaders();
        h.set("Content-Type", "application/json");
        h.set("Lambda-Runtime-Aws-Request-Id", p.requestId);
        h.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + p.timeout.toMillis()));
        h.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        h.set("Lambda-Runtime-Trace-Id", p.traceId);
        // Lambda always sends these two; runtime client 2.10.1 crashes in native code without them.
        h.set("Lambda-Runtime-Client-Context", "");
        h.set("Lambda-Runtime-Cognito-Identity", "");
        send(ex, 200, p.payload);
    }

    private void complete(HttpExchange ex, String path) throws IOException {
        boolean error = path.endsWith("/error");
        String id = path.substring(INVOCATION.length(), path.lastIndexOf('/'));
        PendingInvocation p = inFlight.get(id);
        if (p == null || p.dispatchedNanos == 0) {
            drain(ex);
            problem(ex, 400, "InvalidRequestID", "No running invocation with request id '" + id + "'");
            return;
        }
        byte[] body = readBody(ex);
        long done = System.nanoTime();
        if (body == null) {
            inFlight.remove(id);
            p.result.complete(new InvocationResult(
                    id,
                    InvocationResult.Status.ERROR,
                    ("{\"errorType\":\"Function.ResponseSizeTooLarge\",\"errorMessage\":\"Response payload size exceeded "
                                    + MAX_RESPONSE_BYTES + " bytes\"}")
                            .getBytes(StandardCharsets.UTF_8),
                    "Function.ResponseSizeTooLarge",
                    p.dispatchedNanos,
                    done));
            return;
        }
        if (inFlight.remove(id) == null) {
            problem(ex, 400, "InvalidStateTransition", "Invocation '" + id + "' was already answered");
            return;
        }
        accepted(ex);
        String errorType = error ? ex.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type") : null;
        p.result.complete(new InvocationResult(
                id,
                error ? InvocationResult.Status.ERROR : InvocationResult.Status.SUCCESS,
                body,
                errorType,
                p.dispatchedNanos,
                done));
    }

    /** Reads the body, or answers 413 and returns null when it is larger than {@link #MAX_RESPONSE_BYTES}. */
    private static byte[] readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (body.length > MAX_RESPONSE_BYTES) {
                in.transferTo(OutputStream.nullOutputStream());
                problem(ex, 413, "RequestEntityTooLarge", "Body exceeds " + MAX_RESPONSE_BYTES + " bytes");
                return null;
            }
            return body;
        }
    }

    private static void drain(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static void accepted(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        send(ex, 202, "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static void problem(HttpExchange ex, int status, String type, String message) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        String json = "{\"errorType\":\"" + type + "\",\"errorMessage\":\""
                + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        send(ex, status, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static final class PendingInvocation {
        final String requestId;
        final byte[] payload;
        final Duration timeout;
        final String traceId;
        final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
        volatile long dispatchedNanos;

        PendingInvocation(String requestId, byte[] payload, Duration timeout, String traceId) {
            this.requestId = requestId;
            this.payload = payload;
            this.timeout = timeout;
            this.traceId = traceId;
        }
    }

    /**
     * What a runtime posted to {@code /init/error}.
     *
     * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header; may be null
     * @param body the error document, usually {@code {"errorMessage":…,"errorType":…}}; never null
     */
    public record RuntimeError(String errorType, String body) {}

    /** The runtime went away (process exited, server closed) before answering an invocation. */
    public static final class RuntimeGoneException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RuntimeGoneException(String message) {
            super(message);
        }
    }
}
