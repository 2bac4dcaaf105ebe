package dev.bricks.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.local.runtime.fixtures.BrokenInitHandler;
import dev.bricks.local.runtime.fixtures.FailingHandler;
import dev.bricks.local.runtime.fixtures.HelloHandler;
import dev.bricks.local.runtime.fixtures.SleepingHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionProcessTest {

    @TempDir
    Path dir;

    private FunctionProcess start(Class<?> handler) {
        return FunctionProcess.builder()
                .deployment(TestFunctions.deployment(dir, handler))
                .handler(handler.getName() + "::handleRequest")
                .functionName("hello-fn")
                .memoryMb(256)
                .region("eu-west-1")
                .output(dir.resolve("out.log"))
                .start();
    }

    @Test
    void invoke_helloHandler_answersThroughTheRealRuntimeClientWithReportFigures() {
        try (FunctionProcess fn = start(HelloHandler.class)) {
            FunctionProcess.Invocation first = fn.invoke("{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8));

            assertThat(first.result().status()).isEqualTo(InvocationResult.Status.SUCCESS);
            assertThat(first.result().payloadAsString())
                    .startsWith("{\"hello\":{\"name\":\"Ada\"},\"function\":\"hello-fn\",\"requestId\":\""
                            + first.result().requestId() + "\",\"region\":\"eu-west-1\",\"remainingMs\":");
            InvocationReport report = first.report();
            assertThat(report.initDuration())
                    .hasValueSatisfying(d -> assertThat(d).isPositive().isLessThan(Duration.ofSeconds(60)));
            assertThat(report.duration()).isPositive().isLessThan(Duration.ofSeconds(30));
            assertThat(report.sinceProcessStart())
                    .isGreaterThan(report.initDuration().orElseThrow());
            // a JVM with the runtime client loaded is tens of MB resident and has loaded hundreds of classes
            assertThat(report.maxMemoryUsedKb().orElseThrow()).isBetween(10_000L, 1_000_000L);
            assertThat(report.loadedClasses().orElseThrow()).isBetween(300L, 20_000L);
            assertThat(report.toReportLine())
                    .startsWith("REPORT RequestId: " + first.result().requestId())
                    .contains("\tDuration: ", "\tMax Memory Used: ", "\tInit Duration: ");

            FunctionProcess.Invocation second = fn.invoke("2".getBytes(StandardCharsets.UTF_8));
            assertThat(second.result().payloadAsString()).startsWith("{\"hello\":2,");
            assertThat(second.result().requestId()).isNotEqualTo(first.result().requestId());
            assertThat(second.report().initDuration()).isEmpty();
            assertThat(second.report().toReportLine()).doesNotContain("Init Duration");
            assertThat(second.report().loadedClasses()).isEmpty(); // a cold-start figure, not read when warm
        }
    }

    @Test
    void invoke_functionLoadedByTheRuntimeClientsOwnLoader_answersLikeOnLambda() {
        try (FunctionProcess fn = FunctionProcess.builder()
                .deployment(TestFunctions.deployment(dir, HelloHandler.class))
                .handler(HelloHandler.class.getName())
                .functionOnSystemClassPath(false)
                .output(dir.resolve("out.log"))
                .start()) {
            assertThat(fn.command()).noneMatch(arg -> arg.contains("functions.jar"));

            FunctionProcess.Invocation r = fn.invoke("\"x\"".getBytes(StandardCharsets.UTF_8));

            assertThat(r.result().payloadAsString()).startsWith("{\"hello\":\"x\",\"function\":\"function\"");
        }
    }

    @Test
    void invoke_throwingHandler_isReportedAsErrorWithItsType() {
        try (FunctionProcess fn = start(FailingHandler.class)) {
            FunctionProcess.Invocation r = fn.invoke("{}".getBytes(StandardCharsets.UTF_8));

            assertThat(r.result().status()).isEqualTo(InvocationResult.Status.ERROR);
            assertThat(r.result().payloadAsString())
                    .contains("\"errorMessage\":\"order service is closed\"")
                    .contains("java.lang.IllegalStateException");
            assertThat(r.report().duration()).isPositive();
        }
    }

    @Test
    void start_severalEnvironmentsAtOnce_eachAnswersWithTheSharedNativeLibrary() {
        Path deployment = TestFunctions.deployment(dir.resolve("shared"), HelloHandler.class);
        List<CompletableFuture<String>> answers = IntStream.range(0, 3)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try (FunctionProcess fn = FunctionProcess.builder()
                            .deployment(deployment)
                            .handler(HelloHandler.class.getName())
                            .functionName("parallel-" + i)
                            .output(dir.resolve("parallel-" + i + ".log"))
                            .start()) {
                        return fn.invoke(Integer.toString(i).getBytes(StandardCharsets.UTF_8))
                                .result()
                                .payloadAsString();
                    }
                }))
                .toList();

        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i).join()).startsWith("{\"hello\":" + i + ",\"function\":\"parallel-" + i + "\"");
        }
        assertThat(RuntimeClient.nativeLibrary()).isRegularFile();
    }

    @Test
    void invoke_handlerSlowerThanItsTimeout_killsTheEnvironmentAndSaysSo() {
        try (FunctionProcess fn = FunctionProcess.builder()
                .deployment(TestFunctions.deployment(dir, SleepingHandler.class))
                .handler(SleepingHandler.class.getName())
                .timeout(Duration.ofSeconds(1))
                .initTimeout(Duration.ofSeconds(2))
                .output(dir.resolve("out.log"))
                .start()) {
            assertThatThrownBy(() -> fn.invoke("{}".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(FunctionProcess.FunctionFailedException.class)
                    .hasMessageContaining("did not answer within PT1S; killed")
                    .extracting(e -> ((FunctionProcess.FunctionFailedException) e).reason())
                    .isEqualTo(FunctionProcess.FunctionFailedException.Reason.TIMED_OUT);
        }
    }

    @Test
    void invoke_handlerFailingInInit_failsNamingTheInitError() {
        try (FunctionProcess fn = start(BrokenInitHandler.class)) {
            assertThatThrownBy(() -> fn.invoke("{}".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(FunctionProcess.FunctionFailedException.class)
                    .hasMessageContaining("TABLE_NAME is not set");
        }
    }
}
