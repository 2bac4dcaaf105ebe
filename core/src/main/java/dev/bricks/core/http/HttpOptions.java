package dev.bricks.core.http;

/**
 * Options of an {@link HttpHandler}, passed to its constructor.
 *
 * <pre>{@code
 * super(HttpOptions.builder().maxBodyBytes(64 * 1024).cors(cors).build());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class HttpOptions {

    /** Default largest accepted request body: 1 MiB (1,048,576 bytes, after base64 decoding). */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    private static final HttpOptions DEFAULTS = builder().build();

    private final int maxBodyBytes;
    private final Cors cors;

    private HttpOptions(Builder b) {
        this.maxBodyBytes = b.maxBodyBytes;
        this.cors = b.cors;
    }

    /** The defaults: {@link #DEFAULT_MAX_BODY_BYTES}, no CORS. */
    public static HttpOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Largest accepted body in bytes; larger bodies get 413. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The CORS settings, or null when the handler adds no CORS headers. */
    public Cors cors() {
        return cors;
    }

    /** Builds {@link HttpOptions}. Not thread-safe. */
    public static final class Builder {
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private Cors cors;

        private Builder() {}

        /**
         * Largest accepted body in bytes.
         *
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxBodyBytes(int bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxBodyBytes must be positive, was " + bytes);
            }
            maxBodyBytes = bytes;
            return this;
        }

        /** CORS settings; null for none. */
        public Builder cors(Cors settings) {
            cors = settings;
            return this;
        }

        /** The options. */
        public HttpOptions build() {
            return new HttpOptions(this);
        }
    }
}
