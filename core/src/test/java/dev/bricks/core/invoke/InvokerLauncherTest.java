package dev.bricks.core.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-shot invoker on a user's own handler: a class compiled outside core, on its own class-path entry, run
 * by {@code java -cp <theirs>:<bricks-core and its dependencies> dev.bricks.core.invoke.Invoker} in a fresh JVM
 * (what {@code mvn exec:java -Dexec.mainClass=dev.bricks.core.invoke.Invoker} does in the user's project).
 */
class InvokerLauncherTest {

    private static final String USER_HANDLER = """
            package com.example;

            import dev.bricks.core.http.HttpHandler;
            import dev.bricks.core.http.HttpMethod;
            import dev.bricks.core.http.Route;
            import java.time.Instant;

            public final class Greeter extends HttpHandler {
                public record Greeting(String message, Instant at) {}

                @Route(method = HttpMethod.POST, path = "/order")
                Greeting greet() {
                    return new Greeting("hello from the user's module", Instant.parse("2024-05-01T12:00:00Z"));
                }
            }
            """;

    private static final Path EVENT = Path.of("src/test/resources/events/http-v2-place-order.json");

    @Test
    void main_handlerCompiledOutsideCore_printsItsResponse(@TempDir Path dir) throws Exception {
        Path classes = compileUserHandler(dir);

        Result result = run(classes, "com.example.Greeter", EVENT.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout())
                .contains("\"statusCode\":200")
                .contains("hello from the user's module")
                .contains("2024-05-01T12:00:00Z");
    }

    @Test
    void main_handlerAnswers_printsReportLineOnStandardError(@TempDir Path dir) throws Exception {
        Path classes = compileUserHandler(dir);

        Result result = run(classes, "com.example.Greeter", EVENT.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).doesNotContain("REPORT");
        assertThat(result.stderr())
                .containsPattern("REPORT RequestId: [0-9a-f-]{36}\tDuration: \\d+\\.\\d{2} ms\tBilled Duration: \\d+ ms"
                        + "\tMemory Size: 512 MB\tMax Memory Used: \\d+ MB\tInit Duration: \\d+\\.\\d{2} ms");
    }

    @Test
    void main_unknownHandlerClass_exits1NamingIt(@TempDir Path dir) throws Exception {
        Result result = run(dir, "com.example.Missing", EVENT.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("bricks invoke: handler class not found: com.example.Missing");
    }

    @Test
    void main_missingEventFile_exits1NamingIt(@TempDir Path dir) throws Exception {
        Path classes = compileUserHandler(dir);

        Result result = run(classes, "com.example.Greeter", "no-such-event.json");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("bricks invoke: event file not found: no-such-event.json");
    }

    @Test
    void main_wrongArgumentCount_exits2WithUsage(@TempDir Path dir) throws Exception {
        Result result = run(dir, "com.example.Greeter");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("usage: Invoker <HandlerClass> <event.json>");
    }

    private static Path compileUserHandler(Path dir) throws IOException {
        Path source = dir.resolve("src/com/example/Greeter.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, USER_HANDLER);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(
                null,
                null,
                null,
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                source.toString());
        assertThat(status).as("javac of the user's handler").isZero();
        return classes;
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    private static Result run(Path userClasses, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = userClasses + File.pathSeparator + System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath, Invoker.class.getName()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile("invoker", ".err");
        try {
            Process process =
                    new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("invoker finished")
                    .isTrue();
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stderr);
        }
    }
}
