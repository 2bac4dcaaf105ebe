package dev.bricks.local.functions;

import static dev.bricks.local.app.fixtures.Eventually.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.local.app.fixtures.InfoHandler;
import dev.bricks.local.app.fixtures.RecordingHandler;
import dev.bricks.local.app.fixtures.TestFunctionZips;
import dev.bricks.local.runtime.fixtures.BrokenInitHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionEnvironmentsTest {

    private static final byte[] EVENT = "{}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private FunctionEnvironments functions;

    private FunctionEnvironments start(Class<?> handler, Duration timeout, int concurrency, Map<String, String> env) {
        Path zip = TestFunctionZips.write(dir.resolve("fn.zip"), "v1");
        FunctionSpec spec = new FunctionSpec(
                "Fn",
                "my-fn",
                zip,
                handler.getName() + "::handleRequest",
                Path.of(System.getProperty("java.home")),
                256,
                timeout,
                env,
                concurrency);
        functions = new FunctionEnvironments(
                List.of(spec), new FunctionLogs(new PrintStream(logBytes, true, StandardCharsets.UTF_8), false));
        return functions;
    }

    @AfterEach
    void stop() {
        if (functions != null) {
            functions.close();
        }
    }

    private String logs() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void invoke_twice_coldThenWarmInTheSameJvmWithLambdaLogLines() {
        start(RecordingHandler.class, Duration.ofSeconds(10), 4, Map.of());

        InvokeOutcome first = functions.invoke("Fn", "{\"n\":1}".getBytes(StandardCharsets.UTF_8));
        InvokeOutcome second = functions.invoke("Fn", "{\"n\":2}".getBytes(StandardCharsets.UTF_8));

        assertThat(first.succeeded()).isTrue();
        assertThat(first.coldStart()).isTrue();
        assertThat(second.coldStart()).isFalse();
        assertThat(functions.coldStarts("Fn")).isEqualTo(1);
        assertThat(functions.environmentCount("Fn")).isEqualTo(1);
        assertThat(second.payloadAsString()).contains("{\\\"n\\\":2}");
        String logs = logs();
        assertThat(logs)
                .contains(
                        "my-fn | START RequestId: " + first.requestId() + " Version: $LATEST",
                        "my-fn | recording event of 7 bytes",
                        "my-fn | END RequestId: " + second.requestId());
        assertThat(logs)
                .containsPattern("my-fn \\| REPORT RequestId: " + first.requestId()
                        + "\tDuration: [0-9.]+ ms\tBilled Duration: [0-9]+ ms\tMemory Size: 256 MB\tMax Memory Used: [0-9]+ MB"
                        + "\tInit Duration: [0-9.]+ ms");
        assertThat(logs).doesNotContain("\u001b[");
    }

    @Test
    void invoke_twoConcurrentRequests_getTwoEnvironments() {
        start(InfoHandler.class, Duration.ofSeconds(20), 4, Map.of("SLEEP_MS", "1500"));

        CompletableFuture<InvokeOutcome> a = CompletableFuture.supplyAsync(() -> functions.invoke("Fn", EVENT));
        CompletableFuture<InvokeOutcome> b = CompletableFuture.supplyAsync(() -> functions.invoke("Fn", EVENT));

        assertThat(List.of(a.join(), b.join()))
                .allMatch(InvokeOutcome::succeeded)
                .allMatch(InvokeOutcome::coldStart);
        assertThat(pid(a.join())).isNotEqualTo(pid(b.join()));
        assertThat(functions.environmentCount("Fn")).isEqualTo(2);
    }

    @Test
    void invoke_concurrencyOne_secondCallerWaitsForTheOnlyEnvironment() {
        start(InfoHandler.class, Duration.ofSeconds(20), 1, Map.of("SLEEP_MS", "700"));

        CompletableFuture<InvokeOutcome> a = CompletableFuture.supplyAsync(() -> functions.invoke("Fn", EVENT));
        CompletableFuture<InvokeOutcome> b = CompletableFuture.supplyAsync(() -> functions.invoke("Fn", EVENT));

        assertThat(pid(a.join())).isEqualTo(pid(b.join()));
        assertThat(functions.coldStarts("Fn")).isEqualTo(1);
    }

    @Test
    void invoke_slowerThanTimeout_answersTaskTimedOutAndReplacesTheEnvironment() {
        start(InfoHandler.class, Duration.ofSeconds(1), 4, Map.of("SLEEP_MS", "5000"));

        long t0 = System.nanoTime();
        InvokeOutcome out = functions.invoke("Fn", EVENT);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(out.functionError()).isEqualTo("Unhandled");
        assertThat(out.errorType()).isEqualTo("Sandbox.Timedout");
        assertThat(out.payloadAsString()).contains("Task timed out after 1.00 seconds");
        assertThat(took).isLessThan(Duration.ofSeconds(4)); // 1 s after init, not the 5 s sleep
        assertThat(logs()).contains("Status: timeout");
        waitUntil(Duration.ofSeconds(5), "condition", () -> functions.environmentCount("Fn") == 0);
    }

    @Test
    void invoke_initThrows_answersRuntimeErrorAndNextCallRetriesInit() {
        start(BrokenInitHandler.class, Duration.ofSeconds(5), 4, Map.of());

        InvokeOutcome out = functions.invoke("Fn", EVENT);

        assertThat(out.succeeded()).isFalse();
        assertThat(out.errorType()).startsWith("Runtime.");
        assertThat(out.payloadAsString()).contains("TABLE_NAME is not set");
        assertThat(functions.invoke("Fn", EVENT).coldStart()).isTrue();
    }

    @Test
    void invoke_jvmKilledMidInvocation_answersExitErrorThenANewEnvironmentServes() throws Exception {
        start(InfoHandler.class, Duration.ofSeconds(20), 4, Map.of("SLEEP_MS", "1500"));
        CompletableFuture<InvokeOutcome> pending = CompletableFuture.supplyAsync(() -> functions.invoke("Fn", EVENT));
        waitUntil(Duration.ofSeconds(20), "condition", () -> logs().contains("START RequestId"));
        long victim = functions.processIds("Fn").get(0);

        ProcessHandle.of(victim).orElseThrow().destroyForcibly();
        InvokeOutcome killed = pending.get();

        assertThat(killed.errorType()).isEqualTo("Runtime.ExitError");
        InvokeOutcome next = functions.invoke("Fn", EVENT);
        assertThat(next.succeeded()).isTrue();
        assertThat(next.coldStart()).isTrue();
        assertThat(pid(next)).isNotEqualTo(victim);
    }

    @Test
    void invoke_artifactRebuilt_recyclesEnvironmentsBeforeTheNextInvocation() throws Exception {
        start(InfoHandler.class, Duration.ofSeconds(10), 4, Map.of());
        InvokeOutcome v1 = functions.invoke("Fn", EVENT);
        assertThat(v1.payloadAsString()).contains("\"version\":\"v1\"");

        Path zip = TestFunctionZips.write(dir.resolve("fn.zip"), "v2");
        Files.setLastModifiedTime(zip, FileTime.from(Instant.now().plusSeconds(2)));
        InvokeOutcome v2 = functions.invoke("Fn", EVENT);

        assertThat(v2.payloadAsString()).contains("\"version\":\"v2\"");
        assertThat(v2.coldStart()).isTrue();
        assertThat(logs()).contains("fn.zip changed on disk: recycling 1 environment(s)");
        waitUntil(
                Duration.ofSeconds(5),
                "condition",
                () -> ProcessHandle.of(pid(v1)).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void invoke_unknownFunction_throwsUnknownFunction() {
        start(RecordingHandler.class, Duration.ofSeconds(3), 4, Map.of());

        assertThatThrownBy(() -> functions.invoke("Nope", EVENT))
                .isInstanceOf(FunctionInvoker.UnknownFunctionException.class)
                .hasMessage("No function 'Nope' in the template");
    }

    @Test
    void logs_colour_prefixIsStableAnsiColourPerName() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FunctionLogs logs = new FunctionLogs(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);

        logs.line("alpha", "one");
        logs.line("alpha", "two");

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).matches("\u001b\\[\\d+malpha\u001b\\[0m \\| one");
        assertThat(lines.get(1).substring(0, 5)).isEqualTo(lines.get(0).substring(0, 5));
    }

    private static long pid(InvokeOutcome out) {
        String s = out.payloadAsString();
        int i = s.indexOf("\"pid\":") + 6;
        return Long.parseLong(s.substring(i, s.indexOf(',', i)));
    }
}
