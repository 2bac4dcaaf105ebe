package dev.bricks.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Sends the requests an {@link HttpEventBuilder} describes over real HTTP to a running API — bricks-local's gateway
 * in an end-to-end test, or a deployed stage — and returns each answer as an {@link HttpResult}, so one request
 * description and one set of assertions serve both in-process tests ({@link TestInvoker}) and end-to-end tests.
 * Only what a client sends goes out (method, path, query, headers, cookies, body); the request context, JWT claims
 * and path parameters come from the real gateway. Thread-safe: share one per API.
 *
 * <pre>{@code
 * ApiClient api = ApiClient.of(app.url("/"));
 * HttpResult placed = api.send(HttpEvents.v2().post("/order").bearer(token).json(order));
 * assertThat(placed).hasStatus(201);
 * }</pre>
 */
public final class ApiClient {

    /** How long {@link #send} waits for an answer unless told otherwise: 30 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final URI baseUrl;
    private final Duration timeout;
    private final HttpClient http;

    private ApiClient(Builder builder) {
        this.baseUrl = builder.baseUrl;
        this.timeout = builder.timeout;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** A client of the API at {@code baseUrl} ({@code http://127.0.0.1:3000/}) with {@link #DEFAULT_TIMEOUT}. */
    public static ApiClient of(URI baseUrl) {
        return builder().baseUrl(baseUrl).build();
    }

    /** A builder: {@link Builder#baseUrl} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The API's base URL; request paths are appended to its path. */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Sends the request and waits for the answer.
     *
     * @throws UncheckedIOException when the API cannot be reached or the connection breaks
     * @throws IllegalStateException when the thread is interrupted while waiting
     */
    public HttpResult send(HttpEventBuilder request) {
        HttpRequest httpRequest = request.toHttpRequest(baseUrl, timeout);
        try {
            return HttpResult.of(http.send(httpRequest, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(httpRequest.method() + " " + httpRequest.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + httpRequest.uri(), e);
        }
    }

    /** Options of an {@link ApiClient}. Not thread-safe. */
    public static final class Builder {

        private URI baseUrl;
        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder() {}

        /** The API's absolute {@code http(s)} base URL. Required. */
        public Builder baseUrl(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            if (!baseUrl.isAbsolute() || baseUrl.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, was " + baseUrl);
            }
            this.baseUrl = baseUrl;
            return this;
        }

        /** How long one request waits for its answer (default {@link #DEFAULT_TIMEOUT}); must be positive. */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** The client. */
        public ApiClient build() {
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl is required");
            }
            return new ApiClient(this);
        }
    }
}
