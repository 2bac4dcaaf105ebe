package dev.bricks.benchmarks.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.bricks.core.invoke.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.LoggerFactory;

/**
 * Per-invocation cost of bricks-observability on a warm HTTP invocation through a real core
 * {@code HttpHandler}: 5 log lines (one with key-values) and 3 metrics (counter, summary, timer) with the
 * JSON encoder and the EMF flush, against the same invocation with logging OFF and no registry. stdout is
 * replaced by a discarding stream, so the figure is the encoding and bookkeeping, not the terminal write.
 * The listener (MDC, correlation) runs in both.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InvocationBenchmark {

    private static final LocalContext CONTEXT = LocalContext.of("req-bench", "orders-fn", 512, Duration.ofMinutes(5));

    static void discardStdout() {
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    }

    static void rootLevel(Level level) {
        ((LoggerContext) LoggerFactory.getILoggerFactory())
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .setLevel(level);
    }

    /** 5 log lines at INFO, 3 metrics flushed as EMF. */
    @State(Scope.Thread)
    public static class Observed {
        final OrderHandler handler = new MeteredOrderHandler(5);
        final ByteArrayOutputStream response = new ByteArrayOutputStream();

        @Setup
        public void setUp() {
            discardStdout();
            rootLevel(Level.INFO);
        }
    }

    /** The same invocation, logging OFF, no metrics registry. */
    @State(Scope.Thread)
    public static class Silent {
        final OrderHandler handler = new OrderHandler(5);
        final ByteArrayOutputStream response = new ByteArrayOutputStream();

        @Setup
        public void setUp() {
            discardStdout();
            rootLevel(Level.OFF);
        }
    }

    @Benchmark
    public int withLogsAndMetrics(Observed state) throws IOException {
        return invoke(state.handler, state.response);
    }

    @Benchmark
    public int loggingOffNoRegistry(Silent state) throws IOException {
        return invoke(state.handler, state.response);
    }

    private static int invoke(OrderHandler handler, ByteArrayOutputStream response) throws IOException {
        response.reset();
        handler.handleRequest(new ByteArrayInputStream(Events.PLACE_ORDER), response, CONTEXT);
        return response.size();
    }
}
