package dev.bricks.test;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.bricks.core.invoke.LocalContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A Lambda {@link Context} for tests whose request id and remaining time the test chooses: the remaining time
 * counts down on the given {@link Clock} from the moment {@link Builder#build()} runs, so a test with a fixed or
 * hand-moved clock sees exactly the budget it set. The rest is core's {@link LocalContext}: log lines go to
 * standard error, the ARN is in account 000000000000. Immutable and thread-safe.
 *
 * <pre>{@code
 * TestContext almostOut = TestContext.builder().requestId("req-1").remainingTime(Duration.ofMillis(200)).build();
 * TestContext quick = TestContext.create();                       // "test-request", 30 s, 512 MB
 * }</pre>
 */
public final class TestContext implements Context {

    /** Default request id: {@code test-request}. */
    public static final String DEFAULT_REQUEST_ID = "test-request";
    /** Default function name: {@code test-function}. */
    public static final String DEFAULT_FUNCTION_NAME = "test-function";
    /** Default remaining time at creation: 30 seconds. */
    public static final Duration DEFAULT_REMAINING_TIME = Duration.ofSeconds(30);
    /** Default memory: 512 MB. */
    public static final int DEFAULT_MEMORY_MB = 512;

    /** Everything but the remaining time: core's local context (its logger writes to standard error). */
    private final LocalContext local;

    private final Clock clock;
    private final Instant deadline;

    private TestContext(Builder b) {
        this.local = LocalContext.of(b.requestId, b.functionName, b.memoryMb, b.remainingTime);
        this.clock = b.clock;
        this.deadline = clock.instant().plus(b.remainingTime);
    }

    /** A context with every default. */
    public static TestContext create() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String getAwsRequestId() {
        return local.getAwsRequestId();
    }

    @Override
    public String getLogGroupName() {
        return local.getLogGroupName();
    }

    @Override
    public String getLogStreamName() {
        return local.getLogStreamName();
    }

    @Override
    public String getFunctionName() {
        return local.getFunctionName();
    }

    @Override
    public String getFunctionVersion() {
        return local.getFunctionVersion();
    }

    @Override
    public String getInvokedFunctionArn() {
        return local.getInvokedFunctionArn();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    /** Milliseconds until the deadline on this context's clock, never negative. */
    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return local.getMemoryLimitInMB();
    }

    @Override
    public LambdaLogger getLogger() {
        return local.getLogger();
    }

    /** Options of a {@link TestContext}; not thread-safe. */
    public static final class Builder {
        private String requestId = DEFAULT_REQUEST_ID;
        private String functionName = DEFAULT_FUNCTION_NAME;
        private int memoryMb = DEFAULT_MEMORY_MB;
        private Duration remainingTime = DEFAULT_REMAINING_TIME;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The request id ({@code getAwsRequestId()}); Bricks uses it in 500 problems and as a fallback correlation id. */
        public Builder requestId(String value) {
            this.requestId = Objects.requireNonNull(value, "requestId");
            return this;
        }

        /** The function name. */
        public Builder functionName(String value) {
            this.functionName = Objects.requireNonNull(value, "functionName");
            return this;
        }

        /**
         * The memory limit in MB.
         *
         * @throws IllegalArgumentException outside Lambda's 128..10240
         */
        public Builder memoryMb(int value) {
            if (value < 128 || value > 10_240) {
                throw new IllegalArgumentException("memoryMb must be in 128..10240, was " + value);
            }
            this.memoryMb = value;
            return this;
        }

        /**
         * The time left when the context is built.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder remainingTime(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("remainingTime must not be negative, was " + value);
            }
            this.remainingTime = value;
            return this;
        }

        /** The clock the remaining time counts down on (default the system clock). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The context. */
        public TestContext build() {
            return new TestContext(this);
        }
    }
}
