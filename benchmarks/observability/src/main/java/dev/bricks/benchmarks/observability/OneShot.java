package dev.bricks.benchmarks.observability;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.bricks.core.invoke.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;

/**
 * One cold invocation in a fresh JVM, for {@code coldstart.sh}: constructs the handler class named by the
 * first argument (as Lambda does), invokes it once with {@link Events#PLACE_ORDER} and exits. What it
 * measures is the whole process, JVM start included.
 */
public final class OneShot {

    private OneShot() {}

    public static void main(String[] args) throws Exception {
        String handlerClass = args.length > 0 ? args[0] : OrderHandler.class.getName();
        RequestStreamHandler handler = (RequestStreamHandler)
                Class.forName(handlerClass).getConstructor().newInstance();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handleRequest(
                new ByteArrayInputStream(Events.PLACE_ORDER),
                response,
                LocalContext.of("req-oneshot", "orders-fn", 512, Duration.ofSeconds(10)));
        if (!response.toString().contains("\"statusCode\":201")) {
            throw new IllegalStateException("unexpected response: " + response);
        }
    }
}
