package dev.bricks.local.dynamodb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * An {@link SdkHttpClient} that hands each request to the engine in the calling thread: the request body and
 * {@code X-Amz-Target} go through the same {@link JsonProtocol} as the HTTP server, with no socket, no HTTP parsing
 * and no thread hop. The endpoint the SDK computes is ignored. Thread-safe.
 */
final class InProcessHttpClient implements SdkHttpClient {
    private final JsonProtocol protocol;
    private final BooleanSupplier closed;

    private InProcessHttpClient(JsonProtocol protocol, BooleanSupplier closed) {
        this.protocol = protocol;
        this.closed = closed;
    }

    /** Declared as the SDK interface so that classes calling this never make the JVM load the SDK early. */
    static SdkHttpClient create(JsonProtocol protocol, BooleanSupplier engineClosed) {
        return new InProcessHttpClient(protocol, engineClosed);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                if (closed.getAsBoolean()) {
                    throw new IOException("the local DynamoDB engine is closed");
                }
                byte[] body = readBody(request.contentStreamProvider());
                JsonProtocol.Response r = answer(protocol, request.httpRequest(), body);
                return HttpExecuteResponse.builder()
                        .response(sdkResponse(r))
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(r.body())))
                        .build();
            }

            @Override
            public void abort() {
                // the call runs to completion in the caller's thread; there is nothing to interrupt
            }
        };
    }

    static JsonProtocol.Response answer(JsonProtocol protocol, SdkHttpRequest request, byte[] body) {
        return protocol.handle(
                request.method().name(),
                request.firstMatchingHeader("X-Amz-Target").orElse(null),
                request.firstMatchingHeader("Authorization").orElse(null),
                body);
    }

    static SdkHttpFullResponse sdkResponse(JsonProtocol.Response r) {
        return SdkHttpFullResponse.builder()
                .statusCode(r.status())
                .statusText(JsonProtocol.reason(r.status()))
                .putHeader("Content-Type", r.contentType())
                .putHeader("Content-Length", Integer.toString(r.body().length))
                .putHeader("x-amzn-RequestId", r.requestId())
                .putHeader("x-amz-crc32", Long.toString(r.crc32()))
                .build();
    }

    private static byte[] readBody(Optional<ContentStreamProvider> provider) throws IOException {
        if (provider.isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = provider.get().newStream()) {
            return in.readAllBytes();
        }
    }

    @Override
    public String clientName() {
        return "BricksLocalDynamoDbInProcess";
    }

    @Override
    public void close() {
        // owns nothing: the engine is closed by its LocalDynamoDb
    }
}
