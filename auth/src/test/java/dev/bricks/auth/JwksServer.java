package dev.bricks.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real JWKS (and OIDC discovery) endpoint on loopback, port 0, whose keys and behaviour tests change. */
final class JwksServer implements AutoCloseable {

    enum Mode {
        OK,
        DOWN,
        GARBAGE,
        OVERSIZED,
        SLOW
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<JWK> keys = new CopyOnWriteArrayList<>();
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private volatile Mode mode = Mode.OK;
    private volatile long slowMillis = 800;
    private final AtomicInteger failuresLeft = new AtomicInteger();

    JwksServer(JWK... publicKeys) throws IOException {
        keys.addAll(List.of(publicKeys));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks", this::jwks);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.setExecutor(executor);
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    URI jwksUri() {
        return URI.create(issuer() + "/jwks");
    }

    Issuer asIssuer() {
        return Issuer.jwks(issuer(), jwksUri());
    }

    /**
     * Options trusting {@code server} as the only issuer, with the JWKS HTTP limits most tests use (1 s
     * connect, 1 s read, 16 KiB).
     */
    static AuthorizerOptions.Builder testOptions(JwksServer server) {
        return AuthorizerOptions.builder()
                .issuer(server.asIssuer())
                .jwksConnectTimeout(Duration.ofSeconds(1))
                .jwksReadTimeout(Duration.ofSeconds(1))
                .jwksSizeLimit(16 * 1024);
    }

    void mode(Mode value) {
        this.mode = value;
    }

    /** The next {@code count} JWKS requests answer 503, whatever the mode. */
    void failNext(int count) {
        failuresLeft.set(count);
    }

    void slowMillis(long value) {
        this.slowMillis = value;
    }

    void add(JWK key) {
        keys.add(key.toPublicJWK());
    }

    void remove(String kid) {
        keys.removeIf(k -> kid.equals(k.getKeyID()));
    }

    int jwksRequests() {
        return jwksRequests.get();
    }

    private void jwks(HttpExchange ex) throws IOException {
        jwksRequests.incrementAndGet();
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(ex, 503, "{\"message\":\"unavailable\"}");
            return;
        }
        switch (mode) {
            case DOWN -> send(ex, 503, "{\"message\":\"unavailable\"}");
            case GARBAGE -> send(ex, 200, "<html>not a key set</html>");
            case OVERSIZED -> send(ex, 200, "{\"keys\":[],\"pad\":\"" + "x".repeat(200_000) + "\"}");
            case SLOW -> {
                try {
                    Thread.sleep(slowMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(ex, 200, new JWKSet(List.copyOf(keys)).toString(true));
            }
            default -> send(ex, 200, new JWKSet(List.copyOf(keys)).toString(true));
        }
    }

    private void discovery(HttpExchange ex) throws IOException {
        send(ex, 200, "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + jwksUri() + "\"}");
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        try {
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the client gave up (timeout test); nothing to do
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
