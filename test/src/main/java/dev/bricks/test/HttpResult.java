package dev.bricks.test;

import dev.bricks.core.json.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An API Gateway proxy response as a handler returned it: status, headers (names lower-cased; repeated values of
 * a payload 1.0 {@code multiValueHeaders} comma-joined), cookies and body. Immutable and thread-safe.
 *
 * @param statusCode the HTTP status
 * @param headers the headers by lower-case name; never null
 * @param cookies the {@code cookies} of a payload 2.0 response; never null
 * @param body the body text (decoded when the response was base64-encoded); empty when there was none
 */
public record HttpResult(int statusCode, Map<String, String> headers, List<String> cookies, String body) {

    /** Copies the collections. */
    public HttpResult {
        headers = Map.copyOf(headers);
        cookies = List.copyOf(cookies);
        Objects.requireNonNull(body, "body");
    }

    /**
     * A response received over HTTP (from bricks-local's gateway or a deployed API), so that the same assertions
     * apply: header names lower-cased, repeated values comma-joined, {@code Set-Cookie} values as {@link #cookies()}.
     *
     * <pre>{@code
     * HttpResult result = HttpResult.of(client.send(request, HttpResponse.BodyHandlers.ofString()));
     * }</pre>
     */
    public static HttpResult of(HttpResponse<String> response) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = List.of();
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("set-cookie")) {
                cookies = header.getValue();
            } else if (!name.startsWith(":")) {
                headers.merge(name, String.join(",", header.getValue()), (a, b) -> a + "," + b);
            }
        }
        return new HttpResult(response.statusCode(), headers, cookies, response.body() == null ? "" : response.body());
    }

    @SuppressWarnings("unchecked")
    static HttpResult parse(String text) {
        Object root = text.isBlank() ? null : Json.read(text, Object.class);
        if (!(root instanceof Map<?, ?> map) || !(map.get("statusCode") instanceof Number status)) {
            throw new IllegalStateException("not an API Gateway proxy response (no statusCode): " + text);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (map.get("multiValueHeaders") instanceof Map<?, ?> multi) {
            multi.forEach(
                    (k, v) -> headers.put(k.toString().toLowerCase(Locale.ROOT), String.join(",", (List<String>) v)));
        }
        if (map.get("headers") instanceof Map<?, ?> single) {
            single.forEach((k, v) -> headers.putIfAbsent(k.toString().toLowerCase(Locale.ROOT), String.valueOf(v)));
        }
        List<String> cookies = map.get("cookies") instanceof List<?> list ? (List<String>) list : List.of();
        String body = map.get("body") instanceof String s ? s : "";
        if (Boolean.TRUE.equals(map.get("isBase64Encoded"))) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return new HttpResult(status.intValue(), headers, cookies, body);
    }

    /** A header's value by case-insensitive name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The body read as JSON into {@code type} with Bricks' mapper. */
    public <T> T body(Class<T> type) {
        return Json.read(body, type);
    }

    /** The body read as a JSON object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> jsonBody() {
        return Json.read(body, Map.class);
    }
}
