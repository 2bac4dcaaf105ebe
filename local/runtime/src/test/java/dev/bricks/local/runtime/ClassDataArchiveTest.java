package dev.bricks.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.local.runtime.fixtures.HelloHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    private static final byte[] EVENT = "{\"sample\":true}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;

    static Path archive;
    static long sharedWithoutArchive;

    private static FunctionProcess.Builder hello(Path deployment) {
        return FunctionProcess.builder()
                .deployment(deployment)
                .handler(HelloHandler.class.getName() + "::handleRequest")
                .output(deployment.resolveSibling(deployment.getFileName() + ".log"));
    }

    @BeforeAll
    static void buildArchive() {
        Path deployment = TestFunctions.deployment(dir.resolve("fn"), HelloHandler.class);
        archive = ClassDataArchive.build(hello(deployment), EVENT, dir.resolve("fn.jsa"));
        try (FunctionProcess plain = hello(deployment).start()) {
            sharedWithoutArchive = plain.invoke(EVENT).report().sharedClasses().orElseThrow();
        }
    }

    private static FunctionProcess.Invocation runWith(Path deployment, Path jsa) {
        try (FunctionProcess fn = hello(deployment)
                .javaToolOptions(ClassDataArchive.javaToolOptions(jsa))
                .start()) {
            return fn.invoke(EVENT);
        }
    }

    @Test
    void build_sampleEvent_writesAnArchiveThatLaterStartsLoadTheFunctionsClassesFrom() {
        FunctionProcess.Invocation run = runWith(dir.resolve("fn"), archive);

        assertThat(run.result().status()).isEqualTo(InvocationResult.Status.SUCCESS);
        // the runtime client's and the handler's classes now come from the archive, on top of the JDK's own
        assertThat(run.report().sharedClasses().orElseThrow()).isGreaterThan(sharedWithoutArchive + 50);
    }

    @Test
    void start_withCorruptedArchive_startsNormallyWithoutIt() throws IOException {
        Path corrupted = dir.resolve("corrupted.jsa");
        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        Files.write(corrupted, noise);

        FunctionProcess.Invocation run = runWith(dir.resolve("fn"), corrupted);

        assertThat(run.result().status()).isEqualTo(InvocationResult.Status.SUCCESS);
        assertThat(run.result().payloadAsString()).startsWith("{\"hello\":{\"sample\":true}");
        assertThat(run.report().sharedClasses().orElseThrow()).isLessThanOrEqualTo(sharedWithoutArchive + 10);
    }

    @Test
    void start_withArchiveOfAnotherClassPath_startsNormallyWithoutIt() {
        Path other = TestFunctions.deployment(dir.resolve("other-fn"), HelloHandler.class);

        FunctionProcess.Invocation run = runWith(other, archive);

        assertThat(run.result().status()).isEqualTo(InvocationResult.Status.SUCCESS);
        assertThat(run.report().sharedClasses().orElseThrow()).isLessThanOrEqualTo(sharedWithoutArchive + 10);
    }

    @Test
    void javaToolOptions_namesTheArchiveAndFallsBackWhenItDoesNotFit() {
        assertThat(ClassDataArchive.javaToolOptions(Path.of("/var/task/fn.jsa")))
                .isEqualTo("-XX:SharedArchiveFile=/var/task/fn.jsa -Xshare:auto");
    }

    @Test
    void build_deploymentWithClassesAtItsRoot_refusesNamingTheLayoutProblem() throws IOException {
        Path loose = TestFunctions.deployment(dir.resolve("loose"), HelloHandler.class);
        Files.createDirectories(loose.resolve("dev"));
        Files.writeString(loose.resolve("dev/Stray.class"), "not really a class");

        assertThatThrownBy(() -> ClassDataArchive.build(hello(loose), EVENT, dir.resolve("loose.jsa")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[dev] outside lib/")
                .hasMessageContaining("Package the function's classes as a jar in lib/");
    }

    @Test
    void build_sampleEventThatFails_refusesNamingTheError() {
        Path failing = TestFunctions.deployment(
                dir.resolve("failing"), dev.bricks.local.runtime.fixtures.FailingHandler.class);
        FunctionProcess.Builder fn = FunctionProcess.builder()
                .deployment(failing)
                .handler(dev.bricks.local.runtime.fixtures.FailingHandler.class.getName())
                .output(dir.resolve("failing.log"));

        assertThatThrownBy(() -> ClassDataArchive.build(fn, EVENT, dir.resolve("failing.jsa")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The sample event failed")
                .hasMessageContaining("order service is closed");
        assertThat(dir.resolve("failing.jsa")).doesNotExist();
    }
}
