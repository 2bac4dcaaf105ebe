package dev.bricks.local.dynamodb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;

/**
 * An {@link SdkAsyncHttpClient} that hands each request to the engine in-process through the same
 * {@link JsonProtocol} as the HTTP server: it collects the request body, answers in the thread that completes the
 * body, and publishes the response body as one buffer. No socket, no event loop. Thread-safe.
 */
final class InProcessAsyncHttpClient implements SdkAsyncHttpClient {
    private final JsonProtocol protocol;
    private final BooleanSupplier closed;

    private InProcessAsyncHttpClient(JsonProtocol protocol, BooleanSupplier closed) {
        this.protocol = protocol;
        this.closed = closed;
    }

    /** Declared as the SDK interface so that classes calling this never make the JVM load the SDK early. */
    static SdkAsyncHttpClient create(JsonProtocol protocol, BooleanSupplier engineClosed) {
        return new InProcessAsyncHttpClient(protocol, engineClosed);
    }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        SdkAsyncHttpResponseHandler handler = request.responseHandler();
        if (closed.getAsBoolean()) {
            IOException e = new IOException("the local DynamoDB engine is closed");
            handler.onError(e);
            done.completeExceptionally(e);
            return done;
        }
        request.requestContentPublisher()
                .subscribe(new BodyCollector(
                        body -> {
                            JsonProtocol.Response r = InProcessHttpClient.answer(protocol, request.request(), body);
                            handler.onHeaders(InProcessHttpClient.sdkResponse(r));
                            handler.onStream(new SingleBufferPublisher(ByteBuffer.wrap(r.body()), done));
                        },
                        e -> {
                            handler.onError(e);
                            done.completeExceptionally(e);
                        }));
        return done;
    }

    @Override
    public String clientName() {
        return "BricksLocalDynamoDbInProcessAsync";
    }

    @Override
    public void close() {
        // owns nothing: the engine is closed by its LocalDynamoDb
    }

    /** Reads a request body publisher to its end, then hands the bytes on. */
    private static final class BodyCollector implements Subscriber<ByteBuffer> {
        private final java.util.function.Consumer<byte[]> onBody;
        private final java.util.function.Consumer<Throwable> onFailure;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        BodyCollector(java.util.function.Consumer<byte[]> onBody, java.util.function.Consumer<Throwable> onFailure) {
            this.onBody = onBody;
            this.onFailure = onFailure;
        }

        @Override
        public void onSubscribe(Subscription s) {
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ByteBuffer buffer) {
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }

        @Override
        public void onError(Throwable t) {
            onFailure.accept(t);
        }

        @Override
        public void onComplete() {
            try {
                onBody.accept(bytes.toByteArray());
            } catch (RuntimeException e) {
                onFailure.accept(e);
            }
        }
    }

    /** Publishes one buffer to one subscriber, on its first request, then completes (and completes done). */
    private static final class SingleBufferPublisher implements Publisher<ByteBuffer> {
        private final ByteBuffer buffer;
        private final CompletableFuture<Void> done;

        SingleBufferPublisher(ByteBuffer buffer, CompletableFuture<Void> done) {
            this.buffer = buffer;
            this.done = done;
        }

        @Override
        public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
            subscriber.onSubscribe(new Subscription() {
                private boolean finished;

                @Override
                public void request(long n) {
                    synchronized (this) {
                        if (finished) {
                            return;
                        }
                        finished = true; // before onNext: a subscriber may request again from inside it
                    }
                    if (n <= 0) {
                        IllegalArgumentException e =
                                new IllegalArgumentException("request must be positive (rule 3.9): " + n);
                        subscriber.onError(e);
                        done.completeExceptionally(e);
                        return;
                    }
                    subscriber.onNext(buffer);
                    subscriber.onComplete();
                    done.complete(null);
                }

                @Override
                public synchronized void cancel() {
                    finished = true;
                    done.complete(null);
                }
            });
        }
    }
}
