package dev.bricks.local.console;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps the console from becoming a way for another web page to read or drive the app: the {@code Host} must be
 * this loopback address (against DNS rebinding), an {@code Origin} or a cross-site {@code Sec-Fetch-Site} must be
 * the console's own, and the endpoints that act (invoke, redrive) need the per-start token. No CORS header is
 * ever sent. Immutable, thread-safe.
 */
final class ConsoleGuard {

    /** The request header that carries the token. */
    static final String TOKEN_HEADER = "X-Bricks-Console-Token";

    private final Set<String> hosts;
    private final Set<String> origins;
    private final String token;

    /** What is wrong with a request; null when nothing. */
    enum Refusal {
        FOREIGN_HOST(421, "Misdirected request: the console answers only to 127.0.0.1 and localhost"),
        FOREIGN_ORIGIN(403, "Forbidden: requests from other origins are refused (no CORS)"),
        MISSING_TOKEN(
                401,
                "The console token is missing: send it in " + TOKEN_HEADER + " (printed in the terminal at start)"),
        WRONG_TOKEN(403, "The console token is wrong: use the one printed in the terminal at this start");

        final int status;
        final String message;

        Refusal(int status, String message) {
            this.status = status;
            this.message = message;
        }
    }

    ConsoleGuard(int port, String token) {
        this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
        this.origins = Set.of("http://127.0.0.1:" + port, "http://localhost:" + port, "http://[::1]:" + port);
        this.token = token;
    }

    /** A fresh random token (128 bits, hex). */
    static String newToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    String token() {
        return token;
    }

    /** Checks any request: host, origin. */
    Refusal check(Headers headers) {
        String host = headers.getFirst("Host");
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            return Refusal.FOREIGN_HOST;
        }
        String origin = headers.getFirst("Origin");
        if (origin != null && !origins.contains(origin.toLowerCase(Locale.ROOT))) {
            return Refusal.FOREIGN_ORIGIN;
        }
        String site = headers.getFirst("Sec-Fetch-Site");
        if (site != null && site.equalsIgnoreCase("cross-site")) {
            return Refusal.FOREIGN_ORIGIN;
        }
        return null;
    }

    /** Checks a request that acts: host, origin and token. */
    Refusal checkAction(Headers headers) {
        Refusal r = check(headers);
        if (r != null) {
            return r;
        }
        String given = headers.getFirst(TOKEN_HEADER);
        if (given == null || given.isBlank()) {
            return Refusal.MISSING_TOKEN;
        }
        return MessageDigest.isEqual(
                        given.trim().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))
                ? null
                : Refusal.WRONG_TOKEN;
    }
}
