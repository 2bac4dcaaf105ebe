package dev.bricks.local.gateway;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as the gateway sees it, with its body read up to a bound.
 *
 * @param method upper-case method
 * @param rawPath the path as sent (percent-encoded)
 * @param rawQuery the query string as sent, without {@code ?}; empty when none
 * @param headers header names (as the JDK server normalises them: first letter upper-case) to their values in
 *     arrival order
 * @param body the body; empty when none
 * @param sourceIp the client's address
 * @param protocol e.g. {@code HTTP/1.1}
 * @param received when the request arrived
 */
record IncomingRequest(
        String method,
        String rawPath,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        String sourceIp,
        String protocol,
        Instant received) {

    /** Drained bodies beyond this are cut off by closing the connection instead. */
    private static final long MAX_DRAIN_BYTES = 256L * 1024 * 1024;

    /** The body was larger than the bound; the rest was drained. */
    static final class TooLargeException extends Exception {
        private static final long serialVersionUID = 1L;

        TooLargeException() {
            super("request body above the event limit", null, false, false);
        }
    }

    /**
     * Reads the request line, headers and at most {@code maxBody} bytes of body.
     *
     * @throws TooLargeException when the body is longer (the rest is read and discarded, so the client can read
     *     the answer)
     */
    static IncomingRequest read(HttpExchange exchange, Instant received, int maxBody)
            throws IOException, TooLargeException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String rawPath = exchange.getRequestURI().getRawPath();
        byte[] body = readBody(exchange.getRequestBody(), contentLength(headers), maxBody);
        return new IncomingRequest(
                exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                rawPath == null || rawPath.isEmpty() ? "/" : rawPath,
                rawQuery == null ? "" : rawQuery,
                headers,
                body,
                exchange.getRemoteAddress().getAddress().getHostAddress(),
                exchange.getProtocol(),
                received);
    }

    private static long contentLength(Map<String, List<String>> headers) {
        List<String> values = headers.get("Content-length");
        if (values == null || values.isEmpty()) {
            return -1;
        }
        try {
            return Long.parseLong(values.get(0).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static byte[] readBody(InputStream in, long declared, int maxBody) throws IOException, TooLargeException {
        if (declared > maxBody) {
            drain(in);
            throw new TooLargeException();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 256);
        byte[] buffer = new byte[16384];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (out.size() + n > maxBody) {
                drain(in);
                throw new TooLargeException();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Reads and discards the rest of a body, up to {@link #MAX_DRAIN_BYTES}. */
    static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[65536];
        long total = 0;
        int n;
        while (total < MAX_DRAIN_BYTES && (n = in.read(buffer)) >= 0) {
            total += n;
        }
    }

    /** The values of a header, any case; empty when absent. */
    List<String> header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return List.of();
    }

    /** The first value of a header, or null. */
    String firstHeader(String name) {
        List<String> values = header(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The query string parsed as API Gateway does: names and values percent- and {@code +}-decoded, in order. */
    Map<String, List<String>> query() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = formDecode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : formDecode(pair.substring(eq + 1));
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String formDecode(String s) {
        return PathPattern.decode(s.replace('+', ' '));
    }

    /** The body as UTF-8 text. */
    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
