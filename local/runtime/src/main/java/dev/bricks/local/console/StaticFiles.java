package dev.bricks.local.console;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The front end shipped in the jar ({@code dev/bricks/local/console/static/}): a fixed set of files, so no path
 * from a request ever reaches the class loader.
 */
final class StaticFiles {

    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self';"
            + " script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private StaticFiles() {}

    static void serve(HttpExchange ex, String name) throws IOException {
        String type = FILES.get(name);
        if (type == null) {
            Replies.problem(ex, 404, "No console file " + name);
            return;
        }
        byte[] body;
        try (InputStream in = StaticFiles.class.getResourceAsStream("static/" + name)) {
            if (in == null) {
                Replies.problem(ex, 500, "The console file " + name + " is missing from the jar");
                return;
            }
            body = in.readAllBytes();
        }
        ex.getResponseHeaders().set("Content-Security-Policy", CSP);
        ex.getResponseHeaders().set("X-Frame-Options", "DENY");
        ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        Replies.bytes(ex, 200, type, body);
    }
}
