package dev.bricks.local.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.local.fixtures.RecordingHandler;
import dev.bricks.local.fixtures.TestApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncInvokerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    static FunctionEnvironments functions;

    @BeforeAll
    static void startAll() {
        functions = TestApp.environments(
                TestApp.function(dir, "Works", RecordingHandler.class, Map.of()),
                TestApp.function(dir, "Fails", RecordingHandler.class, Map.of("FAIL", "true")));
    }

    @AfterAll
    static void stopAll() {
        functions.close();
    }

    @Test
    void invoke_succeedingFunction_returnsAtOnceAndDeliversOnce() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (AsyncInvoker async = new AsyncInvoker(functions, AsyncInvokeConfig.LOCAL_DEFAULT, lines::add)) {
            String requestId = async.invoke("Works", "{\"n\":1}".getBytes(StandardCharsets.UTF_8));

            assertThat(requestId).matches("[0-9a-f-]{36}");
            assertThat(async.awaitIdle(WAIT)).isTrue();
            assertThat(TestApp.events(dir, "Works")).containsExactly("{\"n\":1}");
            assertThat(async.deadLetters()).isEmpty();
            assertThat(lines).isEmpty();
        }
    }

    @Test
    void invoke_failingFunctionWithOneRetry_twoAttemptsThenADeadLetter() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        int before = TestApp.events(dir, "Fails").size();
        try (AsyncInvoker async =
                new AsyncInvoker(functions, AsyncInvokeConfig.LOCAL_DEFAULT.withMaximumRetryAttempts(1), lines::add)) {
            long start = System.nanoTime();
            String requestId = async.invoke("Fails", "{\"n\":2}".getBytes(StandardCharsets.UTF_8));

            assertThat(async.awaitIdle(WAIT)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            assertThat(TestApp.events(dir, "Fails")).hasSize(before + 2);
            assertThat(async.deadLetters()).singleElement().satisfies(d -> {
                assertThat(d.requestId()).isEqualTo(requestId);
                assertThat(d.attempts()).isEqualTo(2);
                assertThat(d.errorType()).isEqualTo("java.lang.IllegalStateException");
                assertThat(d.eventAsString()).isEqualTo("{\"n\":2}");
            });
            assertThat(lines).hasSize(1);
        }
    }

    @Test
    void invoke_unknownFunction_deadLetterWithoutRetries() throws Exception {
        try (AsyncInvoker async = new AsyncInvoker(functions, AsyncInvokeConfig.LOCAL_DEFAULT, line -> {})) {
            async.invoke("Nope", "{}".getBytes(StandardCharsets.UTF_8));

            assertThat(async.awaitIdle(WAIT)).isTrue();
            assertThat(async.deadLetters()).singleElement().satisfies(d -> {
                assertThat(d.errorType()).isEqualTo("ResourceNotFoundException");
                assertThat(d.attempts()).isEqualTo(1);
                assertThat(d.lastResponse()).contains("No function 'Nope' in the template");
            });
        }
    }

    @Test
    void invoke_eventOlderThanMaximumAgeAfterAFailure_notRetriedButDeadLettered() throws Exception {
        AsyncInvokeConfig config = AsyncInvokeConfig.LOCAL_DEFAULT.withMaximumEventAge(Duration.ofMillis(1));
        try (AsyncInvoker async = new AsyncInvoker(functions, config, line -> {})) {
            async.invoke("Fails", "{}".getBytes(StandardCharsets.UTF_8));

            assertThat(async.awaitIdle(WAIT)).isTrue();
            assertThat(async.deadLetters()).singleElement().satisfies(d -> {
                assertThat(d.condition()).isEqualTo(AsyncDeadLetter.Condition.EventAgeExceeded);
                assertThat(d.attempts()).isEqualTo(1);
                assertThat(d.errorType()).isEqualTo("java.lang.IllegalStateException");
            });
        }
    }

    @Test
    void config_outOfRange_refusedNamingTheValue() {
        assertThatThrownBy(() -> AsyncInvokeConfig.LOCAL_DEFAULT.withMaximumRetryAttempts(3))
                .hasMessage("maximumRetryAttempts must be 0 to 2, was 3");
        assertThat(AsyncInvokeConfig.AWS_DEFAULT.retryDelay(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(AsyncInvokeConfig.AWS_DEFAULT.retryDelay(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(AsyncInvokeConfig.LOCAL_DEFAULT.retryDelay(2)).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void invoke_afterClose_refused() {
        AsyncInvoker async = new AsyncInvoker(functions, AsyncInvokeConfig.LOCAL_DEFAULT, line -> {});
        async.close();
        assertThatThrownBy(() -> async.invoke("Works", new byte[0])).isInstanceOf(IllegalStateException.class);
    }
}
