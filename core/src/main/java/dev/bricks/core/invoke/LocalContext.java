package dev.bricks.core.invoke;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * A minimal Lambda {@link Context} for running handlers off Lambda (the one-shot {@link Invoker}, tests, the
 * local runtime): a request id, a function name, a memory size and a deadline. The logger writes to
 * standard error. Immutable and thread-safe.
 *
 * <pre>{@code
 * Context quick = LocalContext.of("placeOrder");                 // the string is the function name
 * Context exact = LocalContext.of("req-1", "placeOrder", 1024, Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>The request id is what Bricks writes as {@code requestId} in a 500 problem and uses as the correlation
 * id when the event has none; the deadline starts when the context is created
 * ({@link #getRemainingTimeInMillis()} counts down from the timeout). The log group is
 * {@code /aws/lambda/<function name>}; identity and client context are null.
 */
public final class LocalContext implements Context {

    /** Default timeout of a local invocation: 30 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final LambdaLogger STDERR_LOGGER = new LambdaLogger() {
        @Override
        public void log(String message) {
            System.err.println(message);
        }

        @Override
        public void log(byte[] message) {
            System.err.println(new String(message, StandardCharsets.UTF_8));
        }
    };

    private final String requestId;
    private final String functionName;
    private final int memoryMb;
    private final long deadlineMillis;

    private LocalContext(String requestId, String functionName, int memoryMb, Duration timeout) {
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.functionName = Objects.requireNonNull(functionName, "functionName");
        if (memoryMb < 128) {
            throw new IllegalArgumentException("memoryMb must be at least 128, was " + memoryMb);
        }
        this.memoryMb = memoryMb;
        this.deadlineMillis = System.currentTimeMillis() + timeout.toMillis();
    }

    /**
     * A context with a random request id (a UUID), 512 MB and {@link #DEFAULT_TIMEOUT}.
     *
     * @param functionName the Lambda function name that {@code getFunctionName()} returns (the Invoker uses the
     *     handler's simple class name); never null
     */
    public static LocalContext of(String functionName) {
        return new LocalContext(UUID.randomUUID().toString(), functionName, 512, DEFAULT_TIMEOUT);
    }

    /**
     * A context with every value given.
     *
     * @throws IllegalArgumentException when {@code memoryMb} is below 128
     */
    public static LocalContext of(String requestId, String functionName, int memoryMb, Duration timeout) {
        return new LocalContext(requestId, functionName, memoryMb, timeout);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return STDERR_LOGGER;
    }
}
