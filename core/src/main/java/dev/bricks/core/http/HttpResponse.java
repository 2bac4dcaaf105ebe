package dev.bricks.core.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A typed HTTP response: status, headers (single- and multi-valued), cookies and a body that is either a
 * value written as JSON, text, or binary (sent base64-encoded, as API Gateway requires).
 *
 * <pre>{@code
 * return HttpResponse.created(new OrderCreated(orderId, "Order placed"))
 *         .toBuilder().header("Location", "/orders/" + orderId).build();
 * }</pre>
 *
 * <p>Written in the request's payload shape: for 2.0 {@code {statusCode, headers, cookies, body,
 * isBase64Encoded}}, for 1.0 {@code {statusCode, headers, multiValueHeaders, body, isBase64Encoded}} (cookies
 * become {@code Set-Cookie} values of {@code multiValueHeaders}).
 *
 * <p>Immutable and thread-safe.
 */
public final class HttpResponse {

    /** The kind of body. */
    public enum BodyKind {
        /** No body. */
        NONE,
        /** A value written as JSON. */
        JSON,
        /** UTF-8 text. */
        TEXT,
        /** Bytes, sent base64-encoded. */
        BINARY
    }

    private final int status;
    private final Map<String, List<String>> headers;
    private final List<String> cookies;
    private final BodyKind bodyKind;
    private final Object body;

    private HttpResponse(Builder b) {
        this.status = b.status;
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> e : b.headers.entrySet()) {
            h.put(e.getKey(), List.copyOf(e.getValue()));
        }
        this.headers = Collections.unmodifiableMap(h);
        this.cookies = List.copyOf(b.cookies);
        this.bodyKind = b.bodyKind;
        this.body = b.body;
    }

    /** 200 with a JSON body. */
    public static HttpResponse ok(Object json) {
        return status(200).json(json).build();
    }

    /** 201 with a JSON body. */
    public static HttpResponse created(Object json) {
        return status(201).json(json).build();
    }

    /** 204 without body. */
    public static HttpResponse noContent() {
        return status(204).build();
    }

    /**
     * A builder starting with the status.
     *
     * @throws IllegalArgumentException when the status is not in 100..599
     */
    public static Builder status(int status) {
        return new Builder(status);
    }

    /** A builder holding this response's values. */
    public Builder toBuilder() {
        Builder b = new Builder(status);
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            b.headers.put(e.getKey(), new ArrayList<>(e.getValue()));
        }
        b.cookies.addAll(cookies);
        b.bodyKind = bodyKind;
        b.body = body;
        return b;
    }

    /** The status code. */
    public int statusCode() {
        return status;
    }

    /** Every header with all values; keys are case-insensitive. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The {@code Set-Cookie} values. */
    public List<String> cookies() {
        return cookies;
    }

    /** What the body holds. */
    public BodyKind bodyKind() {
        return bodyKind;
    }

    /** The body: the JSON value, the text, a copy of the bytes, or null. */
    public Object body() {
        return body instanceof byte[] bytes ? bytes.clone() : body;
    }

    Object bodyUnsafe() {
        return body;
    }

    /** Builds {@link HttpResponse}s. Not thread-safe. */
    public static final class Builder {
        private final int status;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private final List<String> cookies = new ArrayList<>();
        private BodyKind bodyKind = BodyKind.NONE;
        private Object body;

        private Builder(int status) {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status must be in 100..599, was " + status);
            }
            this.status = status;
        }

        /** Sets a header, replacing earlier values of the same name (case-insensitive). */
        public Builder header(String name, String value) {
            requireToken(name);
            Objects.requireNonNull(value, "value");
            removeHeader(name);
            headers.put(name, new ArrayList<>(List.of(value)));
            return this;
        }

        /** Adds a value to a header (a multi-valued header in 1.0, comma-joined in 2.0). */
        public Builder addHeader(String name, String value) {
            requireToken(name);
            Objects.requireNonNull(value, "value");
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    e.getValue().add(value);
                    return this;
                }
            }
            headers.put(name, new ArrayList<>(List.of(value)));
            return this;
        }

        /** Adds a cookie, written as a {@code Set-Cookie} value ({@code "id=abc; HttpOnly; Secure"}). */
        public Builder cookie(String setCookie) {
            if (setCookie == null || setCookie.indexOf('=') <= 0) {
                throw new IllegalArgumentException("cookie must look like name=value, was " + setCookie);
            }
            cookies.add(setCookie);
            return this;
        }

        /** A JSON body; sets {@code Content-Type: application/json} unless already set. */
        public Builder json(Object value) {
            bodyKind = value == null ? BodyKind.NONE : BodyKind.JSON;
            body = value;
            defaultContentType("application/json");
            return this;
        }

        /** A text body with the given content type. */
        public Builder text(String text, String contentType) {
            bodyKind = BodyKind.TEXT;
            body = Objects.requireNonNull(text, "text");
            return header("Content-Type", Objects.requireNonNull(contentType, "contentType"));
        }

        /** A binary body with the given content type, sent base64-encoded. */
        public Builder binary(byte[] bytes, String contentType) {
            bodyKind = BodyKind.BINARY;
            body = Objects.requireNonNull(bytes, "bytes").clone();
            return header("Content-Type", Objects.requireNonNull(contentType, "contentType"));
        }

        /** The response. */
        public HttpResponse build() {
            return new HttpResponse(this);
        }

        private void defaultContentType(String type) {
            for (String name : headers.keySet()) {
                if (name.equalsIgnoreCase("Content-Type")) {
                    return;
                }
            }
            headers.put("Content-Type", new ArrayList<>(List.of(type)));
        }

        private static void requireToken(String name) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("invalid header name: " + name);
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c <= 32 || c >= 127 || c == ':') {
                    throw new IllegalArgumentException("invalid header name: " + name);
                }
            }
        }

        /** Removes every header of that name, in any case (a loop, not a lambda: this runs on a cold start). */
        private void removeHeader(String name) {
            for (Iterator<String> it = headers.keySet().iterator(); it.hasNext(); ) {
                if (it.next().equalsIgnoreCase(name)) {
                    it.remove();
                }
            }
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
