package dev.bricks.core.invoke;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs a handler once on an event and gives back what it wrote: the one-shot invoker, usable from a command
 * line on any class path that holds the handler and {@code bricks-core}.
 *
 * <p>From a command line, in the user's own project (Maven builds the class path):
 * <pre>
 * mvn -q compile exec:java -Dexec.mainClass=dev.bricks.core.invoke.Invoker \
 *     -Dexec.args="com.example.Orders events/place-order.json"
 * </pre>
 * or with any class path: {@code java -cp <classes>:<dependencies> dev.bricks.core.invoke.Invoker
 * com.example.Orders events/place-order.json}. The handler class needs a no-argument constructor and must
 * implement {@link RequestStreamHandler} (every Bricks handler does). The response is printed to standard
 * output followed by a newline; failures are reported on standard error with exit status 1 (2 for bad
 * arguments).
 *
 * <p>From code (tests):
 * <pre>{@code
 * byte[] response = Invoker.invoke(new Orders(), Files.readAllBytes(Path.of("events/place-order.json")),
 *         LocalContext.of("placeOrder"));
 * }</pre>
 *
 * <p>Stateless and thread-safe; the handler decides whether it may be invoked concurrently.
 */
public final class Invoker {

    private Invoker() {}

    /**
     * Entry point: {@code Invoker <HandlerClass> <event.json>}. Prints the response on standard output and,
     * on standard error, Lambda's {@code REPORT} line for this one invocation ({@link Report}).
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: Invoker <HandlerClass> <event.json>");
            System.exit(2);
        }
        try {
            byte[] event = Files.readAllBytes(Path.of(args[1]));
            long initStart = System.nanoTime();
            RequestStreamHandler handler = instantiate(args[0]);
            Duration init = Report.sinceJvmStart(initStart);
            LocalContext context = LocalContext.of(simpleName(args[0]));
            long start = System.nanoTime();
            byte[] response = invoke(handler, event, context);
            Duration duration = Duration.ofNanos(System.nanoTime() - start);
            PrintStream out = System.out;
            out.println(new String(response, StandardCharsets.UTF_8));
            out.flush();
            System.err.println(new Report(context, duration, init).line());
        } catch (NoSuchFileException e) {
            fail("event file not found: " + e.getFile());
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
        } catch (IOException | RuntimeException e) {
            fail("handler failed: " + e);
        }
    }

    /**
     * Invokes the handler once, as Lambda would: the event bytes on the input stream, the response collected
     * from the output stream.
     *
     * @param handler the handler; never null
     * @param event the event JSON exactly as Lambda delivers it (an API Gateway proxy event, an EventBridge
     *     event, an SQS batch, ...); never null
     * @param context the Lambda context, usually a {@link LocalContext}; may be null
     * @return the bytes the handler wrote: for an {@code HttpHandler} the API Gateway proxy response JSON
     *     ({@code statusCode}, {@code headers}, {@code body}, ...), for SQS and DynamoDB stream handlers the
     *     {@code batchItemFailures} JSON, for EventBridge and S3 handlers nothing (an empty array)
     * @throws IOException when the handler's stream I/O fails; the handler's own exceptions propagate (for
     *     example {@code InvalidEventException} for an event of another trigger)
     */
    public static byte[] invoke(RequestStreamHandler handler, byte[] event, Context context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, context);
        return out.toByteArray();
    }

    /**
     * Creates a handler from its class name with its no-argument constructor.
     *
     * @throws IllegalArgumentException naming the class when it is missing, not a stream handler or fails
     */
    public static RequestStreamHandler instantiate(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("handler class not found: " + className);
        }
        if (!RequestStreamHandler.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(className + " does not implement RequestStreamHandler");
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return (RequestStreamHandler) constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(className + " has no no-argument constructor");
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(className + " failed in its constructor: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(className + " cannot be instantiated: " + e);
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static void fail(String message) {
        System.err.println("bricks invoke: " + message);
        System.exit(1);
    }
}
