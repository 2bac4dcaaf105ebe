package dev.bricks.local.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bricks.local.app.fixtures.TestFunctionZips;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's answers to user mistakes: a clear message and an exit code, never a stack trace. */
class MainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path template(String yaml) throws IOException {
        TestFunctionZips.write(dir.resolve("fn.zip"), "v1");
        return Files.writeString(dir.resolve("template.yaml"), yaml);
    }

    @Test
    void run_noCommandOrUnknownOption_printsUsageAndExits2() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("run", "--template", "t.yaml", "--bogus")).isEqualTo(2);
        assertThat(run("run", "--port", "x", "--template", "t.yaml")).isEqualTo(2);
        assertThat(err())
                .contains(
                        "unknown option --bogus",
                        "--port must be a number 0-65535, was x",
                        "usage: bricks-local run --template FILE");
    }

    @Test
    void run_malformedYaml_exits1WithLineAndColumnAndNoStackTrace() throws IOException {
        Path t = template("Resources:\n  Fn: {Type: AWS::Serverless::Function\n");

        assertThat(run("run", "--template", t.toString())).isEqualTo(1);

        assertThat(err())
                .startsWith("bricks-local: template.yaml:3:1: malformed YAML")
                .doesNotContain("\tat ");
    }

    @Test
    void run_missingTemplateOrUnknownRef_exits1NamingIt() throws IOException {
        assertThat(run("run", "--template", dir.resolve("nope.yaml").toString()))
                .isEqualTo(1);
        Path t = template("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties: {CodeUri: fn.zip, Handler: a.B, Runtime: java17, Environment: {Variables: {T: !Ref Nope}}}
                """);
        assertThat(run("run", "--template", t.toString())).isEqualTo(1);

        assertThat(err())
                .contains("nope.yaml does not exist", "unresolved !Ref 'Nope'")
                .doesNotContain("\tat ");
    }

    @Test
    void run_portInUse_exits1NamingThePort() throws IOException {
        Path t = template("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: fn.zip
                      Handler: dev.bricks.local.app.fixtures.InfoHandler
                      Runtime: java17
                      Events: {Get: {Type: HttpApi, Properties: {Path: /x, Method: GET}}}
                """);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int code = run("run", "--template", t.toString(), "--port", Integer.toString(taken.getLocalPort()));

            assertThat(code).isEqualTo(1);
            assertThat(err())
                    .contains("Port " + taken.getLocalPort() + " is already in use")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void run_envVarsFileNotJson_exits1NamingTheFile() throws IOException {
        Path env = Files.writeString(dir.resolve("env.json"), "{not json");

        assertThat(run("run", "--template", "t.yaml", "--env-vars", env.toString()))
                .isEqualTo(1);

        assertThat(err()).contains("--env-vars " + env).doesNotContain("\tat ");
    }
}
