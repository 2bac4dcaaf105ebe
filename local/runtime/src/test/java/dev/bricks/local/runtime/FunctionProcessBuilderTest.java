package dev.bricks.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FunctionProcessBuilderTest {

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of(
                        (Consumer<FunctionProcess.Builder>) b -> b.memoryMb(64), "memoryMb must be 128-10240, was 64"),
                Arguments.of(
                        (Consumer<FunctionProcess.Builder>) b -> b.handler(" "), "handler must name a class, was ' '"),
                Arguments.of(
                        (Consumer<FunctionProcess.Builder>) b -> b.region("Mars"),
                        "region must look like us-east-1, was 'Mars'"),
                Arguments.of(
                        (Consumer<FunctionProcess.Builder>) b -> b.timeout(Duration.ZERO),
                        "timeout must be positive, was PT0S"),
                Arguments.of(
                        (Consumer<FunctionProcess.Builder>) b -> b.functionName("a b"),
                        "functionName must be 1-64 letters, digits, - or _, was 'a b'"),
                Arguments.of(
                        (Consumer<FunctionProcess.Builder>) b -> b.deployment(Path.of("/no/such/dir")),
                        "deployment must be an existing directory or jar, was /no/such/dir"),
                Arguments.of(
                        (Consumer<FunctionProcess.Builder>) b -> b.environment("A=B", "x"),
                        "environment variable name must be non-empty without '=', was 'A=B'"));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void builder_badOption_isRefusedNamingTheValue(Consumer<FunctionProcess.Builder> option, String message) {
        assertThatThrownBy(() -> option.accept(FunctionProcess.builder()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void start_withoutDeploymentOrHandler_isRefused() {
        assertThatThrownBy(() -> FunctionProcess.builder().handler("a.B").start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("deployment and handler are required");
    }

    @Test
    void defaultJvmOptions_useC1SerialGcAndEightyFivePercentHeap() {
        assertThat(FunctionProcess.defaultJvmOptions(1024))
                .containsExactly("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx870m");
    }
}
