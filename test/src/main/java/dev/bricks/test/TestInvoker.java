package dev.bricks.test;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Runs a stream handler once in this thread, as Lambda would, and returns what it wrote. An exception the handler
 * throws (Lambda's "function error") propagates unchanged. Stateless and thread-safe.
 *
 * <pre>{@code
 * HttpResult response = TestInvoker.invoke(new Orders(), HttpEvents.v2().get("/orders/o-1").build()).http();
 * }</pre>
 */
public final class TestInvoker {

    private TestInvoker() {}

    /** Invokes with {@link TestContext#create()}. */
    public static InvocationResult invoke(RequestStreamHandler handler, String event) {
        return invoke(handler, event, TestContext.create());
    }

    /** Invokes with the given context. */
    public static InvocationResult invoke(RequestStreamHandler handler, String event, Context context) {
        return invoke(handler, event.getBytes(StandardCharsets.UTF_8), context);
    }

    /** Invokes with the event's bytes and the given context. */
    public static InvocationResult invoke(RequestStreamHandler handler, byte[] event, Context context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, context);
        } catch (IOException e) {
            throw new UncheckedIOException("the handler failed writing its response", e);
        }
        return new InvocationResult(out.toByteArray());
    }
}
