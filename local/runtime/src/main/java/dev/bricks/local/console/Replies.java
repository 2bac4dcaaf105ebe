package dev.bricks.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** The console's answers: JSON, problem+json (RFC 9457), bytes; never cached, never with CORS headers. */
final class Replies {

    private Replies() {}

    static void json(HttpExchange ex, int status, JsonNode body) throws IOException {
        bytes(ex, status, "application/json", Redaction.JSON.writeValueAsBytes(body));
    }

    static void problem(HttpExchange ex, int status, String detail) throws IOException {
        ObjectNode p = Redaction.JSON.createObjectNode();
        p.put("type", "about:blank");
        p.put("title", title(status));
        p.put("status", status);
        p.put("detail", detail);
        bytes(ex, status, "application/problem+json", Redaction.JSON.writeValueAsBytes(p));
    }

    static void bytes(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 421 -> "Misdirected Request";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        };
    }
}
