package dev.bricks.local.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bricks.local.app.fixtures.TestFunctionZips;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code target/bricks-local.jar} started as a process, as a user starts it: it serves the
 * template, and SIGTERM or SIGINT (Ctrl-C) stops it with no function JVM left behind. Runs in the
 * {@code integration-test} phase, after the jar is built.
 */
class MainJarIT {

    private static final Pattern API = Pattern.compile("^\\s+API\\s+(http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path dir;

    @Test
    void sigterm_stopsEveryFunctionJvm() throws Exception {
        stopsCleanly("TERM");
    }

    @Test
    void sigint_ctrlC_stopsEveryFunctionJvm() throws Exception {
        stopsCleanly("INT");
    }

    private void stopsCleanly(String signal) throws Exception {
        TestFunctionZips.write(dir.resolve("fn.zip"), "v1");
        Path template = Files.writeString(dir.resolve("template.yaml"), """
                Resources:
                  InfoFn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: fn.zip
                      Handler: dev.bricks.local.app.fixtures.InfoHandler::handleRequest
                      Runtime: java17
                      Timeout: 20
                      Events: {Info: {Type: HttpApi, Properties: {Path: /info, Method: GET}}}
                """);
        Process app = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        Path.of("target/bricks-local.jar").toAbsolutePath().toString(),
                        "run",
                        "--template",
                        template.toString(),
                        "--port",
                        "0",
                        "--no-color")
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
            String api = null;
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("Ready.")) {
                Matcher m = API.matcher(line);
                if (m.find()) {
                    api = m.group(1);
                }
            }
            assertThat(api).as("API line of the start-up table").isNotNull();
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(api + "/info"))
                                    .timeout(Duration.ofSeconds(60))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            List<ProcessHandle> children = app.descendants().toList();
            assertThat(children).as("a function JVM runs").isNotEmpty();

            new ProcessBuilder("kill", "-" + signal, Long.toString(app.pid()))
                    .start()
                    .waitFor();

            assertThat(app.waitFor(30, TimeUnit.SECONDS))
                    .as("bricks-local exits")
                    .isTrue();
            for (ProcessHandle child : children) {
                child.onExit().get(5, TimeUnit.SECONDS);
                assertThat(child.isAlive()).as("function JVM " + child.pid()).isFalse();
            }
            String rest = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(rest).contains("bricks-local: stopped");
        } finally {
            app.descendants().forEach(ProcessHandle::destroyForcibly);
            app.destroyForcibly();
        }
    }
}
