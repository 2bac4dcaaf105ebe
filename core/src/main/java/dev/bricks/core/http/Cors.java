package dev.bricks.core.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CORS settings an {@link HttpHandler} applies: it answers preflight requests ({@code OPTIONS} with
 * {@code Access-Control-Request-Method}) itself with 204 and adds {@code Access-Control-Allow-Origin} (and
 * {@code Vary: Origin}) to responses for allowed origins. Requests from other origins get no CORS headers, so
 * browsers block them (closed by default).
 *
 * <pre>{@code
 * Cors cors = Cors.builder().allowOrigin("https://shop.example.com")
 *         .allowMethods(HttpMethod.GET, HttpMethod.POST).allowHeaders("content-type", "authorization")
 *         .maxAge(Duration.ofMinutes(10)).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Cors {

    private final Set<String> origins;
    private final boolean anyOrigin;
    private final String methods;
    private final String allowHeaders;
    private final String exposeHeaders;
    private final boolean credentials;
    private final Duration maxAge;

    private Cors(Builder b) {
        this.origins = Set.copyOf(b.origins);
        this.anyOrigin = b.origins.contains("*");
        List<String> m = new ArrayList<>();
        b.methods.forEach(x -> m.add(x.name()));
        this.methods = String.join(", ", m);
        this.allowHeaders = String.join(", ", b.allowHeaders);
        this.exposeHeaders = String.join(", ", b.exposeHeaders);
        this.credentials = b.credentials;
        this.maxAge = b.maxAge;
    }

    /** A builder; at least one origin is required. */
    public static Builder builder() {
        return new Builder();
    }

    boolean allows(String origin) {
        return origin != null && (anyOrigin || origins.contains(origin));
    }

    /** Adds the response headers for an actual (non-preflight) request from an allowed origin. */
    HttpResponse apply(HttpRequest request, HttpResponse response) {
        String origin = request.header("origin").orElse(null);
        if (!allows(origin)) {
            return response;
        }
        HttpResponse.Builder b =
                response.toBuilder().header("Access-Control-Allow-Origin", anyOrigin && !credentials ? "*" : origin);
        if (!(anyOrigin && !credentials)) {
            b.addHeader("Vary", "Origin");
        }
        if (credentials) {
            b.header("Access-Control-Allow-Credentials", "true");
        }
        if (!exposeHeaders.isEmpty()) {
            b.header("Access-Control-Expose-Headers", exposeHeaders);
        }
        return b.build();
    }

    /** Whether the request is a CORS preflight. */
    static boolean isPreflight(HttpRequest request) {
        return "OPTIONS".equals(request.method())
                && request.header("origin").isPresent()
                && request.header("access-control-request-method").isPresent();
    }

    /** The preflight answer: 204 with the allowed methods and headers, or 403 for a disallowed origin. */
    HttpResponse preflight(HttpRequest request) {
        String origin = request.header("origin").orElse(null);
        String requested =
                request.header("access-control-request-method").orElse("").toUpperCase(Locale.ROOT);
        if (!allows(origin) || !List.of(methods.split(", ")).contains(requested)) {
            return HttpResponse.status(403).build();
        }
        HttpResponse.Builder b = HttpResponse.status(204)
                .header("Access-Control-Allow-Origin", anyOrigin && !credentials ? "*" : origin)
                .header("Access-Control-Allow-Methods", methods)
                .header("Access-Control-Max-Age", Long.toString(maxAge.toSeconds()));
        if (!(anyOrigin && !credentials)) {
            b.header("Vary", "Origin");
        }
        if (!allowHeaders.isEmpty()) {
            b.header("Access-Control-Allow-Headers", allowHeaders);
        }
        if (credentials) {
            b.header("Access-Control-Allow-Credentials", "true");
        }
        return b.build();
    }

    /** Builds {@link Cors}. Not thread-safe. */
    public static final class Builder {
        private final Set<String> origins = new LinkedHashSet<>();
        private final Set<HttpMethod> methods = new LinkedHashSet<>();
        private final Set<String> allowHeaders = new LinkedHashSet<>();
        private final Set<String> exposeHeaders = new LinkedHashSet<>();
        private boolean credentials;
        private Duration maxAge = Duration.ofMinutes(10);

        private Builder() {}

        /**
         * Allows an origin ({@code https://shop.example.com}) or every origin ({@code *}).
         *
         * @throws IllegalArgumentException for a value that is neither {@code *} nor scheme://host[:port]
         */
        public Builder allowOrigin(String origin) {
            if (origin == null || !(origin.equals("*") || origin.matches("https?://[^/\\s]+"))) {
                throw new IllegalArgumentException("origin must be * or scheme://host[:port], was " + origin);
            }
            origins.add(origin);
            return this;
        }

        /** Allows methods; default {@code GET, HEAD, POST}. */
        public Builder allowMethods(HttpMethod... allowed) {
            methods.addAll(List.of(allowed));
            return this;
        }

        /** Request headers a browser may send ({@code Access-Control-Allow-Headers}). */
        public Builder allowHeaders(String... names) {
            allowHeaders.addAll(List.of(names));
            return this;
        }

        /** Response headers a browser may read ({@code Access-Control-Expose-Headers}). */
        public Builder exposeHeaders(String... names) {
            exposeHeaders.addAll(List.of(names));
            return this;
        }

        /** Allows credentials (cookies); then the exact origin is echoed instead of {@code *}. */
        public Builder allowCredentials(boolean allow) {
            credentials = allow;
            return this;
        }

        /**
         * How long browsers may cache a preflight; default 10 minutes.
         *
         * @throws IllegalArgumentException for a negative duration
         */
        public Builder maxAge(Duration duration) {
            if (duration == null || duration.isNegative()) {
                throw new IllegalArgumentException("maxAge must be zero or positive, was " + duration);
            }
            maxAge = duration;
            return this;
        }

        /**
         * The settings.
         *
         * @throws IllegalStateException without any origin
         */
        public Cors build() {
            if (origins.isEmpty()) {
                throw new IllegalStateException("Cors needs at least one allowOrigin(...)");
            }
            if (methods.isEmpty()) {
                methods.addAll(List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST));
            }
            return new Cors(this);
        }
    }
}
