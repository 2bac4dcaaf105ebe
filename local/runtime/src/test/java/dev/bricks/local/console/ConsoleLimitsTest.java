package dev.bricks.local.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.local.app.LocalApp;
import dev.bricks.local.app.LocalAppExtension;
import dev.bricks.local.app.LocalAppOptions;
import dev.bricks.local.app.fixtures.Eventually;
import dev.bricks.local.app.fixtures.TestFunctionZips;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console keeps only the newest traces and log lines, counts what it dropped, and can be turned off. */
class ConsoleLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final LocalAppExtension APP = LocalAppExtension.of(
            template(),
            LocalAppOptions.builder()
                    .logs(new PrintStream(PrintStream.nullOutputStream()))
                    .colour(false)
                    .console(new ConsoleOptions(true, new ConsoleLimits(3, 6), null))
                    .build());

    @Test
    void traces_moreThanTheLimit_newestKeptOthersCounted(LocalApp app) throws Exception {
        JsonNode before = get(app, "api/status");
        for (int i = 1; i <= 8; i++) {
            HTTP.send(
                    HttpRequest.newBuilder(app.url("/missing/" + i))
                            .header("x-correlation-id", "limit-" + i)
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }

        Eventually.waitUntil(
                Duration.ofSeconds(10), "limit-8 recorded", () -> firstId(app).equals("limit-8"));
        JsonNode list = get(app, "api/traces");
        assertThat(StreamSupport.stream(list.path("items").spliterator(), false)
                        .map(t -> t.path("id").asText())
                        .toList())
                .containsExactly("limit-8", "limit-7", "limit-6");
        assertThat(list.path("traces").asInt()).isEqualTo(3);
        assertThat(list.path("droppedTraces").asLong()
                        - before.path("droppedTraces").asLong())
                .isEqualTo(before.path("traces").asLong() + 8 - 3);
        HttpResponse<String> dropped = HTTP.send(
                HttpRequest.newBuilder(console(app).resolve("api/traces/limit-1"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(dropped.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(dropped.body()).path("detail").asText()).contains("dropped");
    }

    @Test
    void logLines_moreThanTheLimit_newestKeptOthersCounted(LocalApp app) throws Exception {
        String token = app.console().orElseThrow().token();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(console(app).resolve("api/functions/EchoFn/invoke"))
                            .header("X-Bricks-Console-Token", token)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }

        JsonNode status = get(app, "api/status");
        assertThat(status.path("logLines").asInt()).isEqualTo(6);
        assertThat(status.path("droppedLogLines").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode lines = get(app, "api/logs");
        assertThat(lines).hasSize(6);
        assertThat(lines.findValuesAsText("text")).anyMatch(t -> t.startsWith("REPORT RequestId: "));
        assertThat(lines.get(0).path("seq").asLong())
                .isGreaterThan(lines.get(5).path("seq").asLong());
    }

    @Test
    void authorizer_refusesRequest_decisionAndItsInvocationInTheTraceTokenRedacted(LocalApp app) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(app.url("/secure"))
                        .header("x-correlation-id", "corr-denied")
                        .header("Authorization", "deny " + ConsoleApiTest.JWT)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);

        Eventually.waitUntil(
                Duration.ofSeconds(10),
                "the decision recorded",
                () -> traceText(app, "corr-denied").contains("AUTHORIZER"));
        HttpResponse<String> raw = HTTP.send(
                HttpRequest.newBuilder(console(app).resolve("api/traces/corr-denied"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode trace = JSON.readTree(raw.body());
        assertThat(trace.path("steps").findValuesAsText("kind")).containsExactly("HTTP", "INVOCATION", "AUTHORIZER");
        JsonNode decision = trace.path("steps").get(2).path("detail");
        assertThat(decision.path("authorizer").asText()).isEqualTo("Simple");
        assertThat(decision.path("allowed").asBoolean()).isFalse();
        assertThat(decision.path("status").asInt()).isEqualTo(403);
        assertThat(trace.path("steps").get(1).path("function").asText()).isEqualTo("AuthFn");
        assertThat(trace.path("status").asInt()).isEqualTo(403);
        assertThat(raw.body()).doesNotContain(ConsoleApiTest.JWT).doesNotContain("deny ");
    }

    @Test
    void console_turnedOff_notServedAndNothingRecorded() throws Exception {
        try (LocalApp off = LocalApp.start(
                template(),
                LocalAppOptions.builder()
                        .logs(new PrintStream(PrintStream.nullOutputStream()))
                        .console(ConsoleOptions.disabled())
                        .build())) {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(off.url("/_bricks/api/traces")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(off.console()).isEmpty();
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(off.startupTable()).doesNotContain("Console");
        }
    }

    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function: {Runtime: java17, CodeUri: fn.zip, MemorySize: 256, Timeout: 20}
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    Authorizers:
                      Simple:
                        FunctionArn: !GetAtt AuthFn.Arn
                        Identity: {Headers: [Authorization]}
                        AuthorizerPayloadFormatVersion: "2.0"
                        EnableSimpleResponses: true
              AuthFn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.bricks.local.app.fixtures.SimpleAuthorizerHandler::handleRequest
              EchoFn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.bricks.local.app.fixtures.ChainHandler::handleRequest
                  Events:
                    Echo: {Type: HttpApi, Properties: {Path: /echo, Method: GET}}
                    Secure:
                      Type: HttpApi
                      Properties: {ApiId: !Ref Api, Path: /secure, Method: GET, Auth: {Authorizer: Simple}}
            """;

    private static Path template() {
        try {
            Path dir = Files.createTempDirectory("bricks-console-limits");
            TestFunctionZips.write(dir.resolve("fn.zip"), "v1");
            return Files.writeString(dir.resolve("template.yaml"), TEMPLATE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstId(LocalApp app) {
        try {
            return get(app, "api/traces").path("items").path(0).path("id").asText();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static String traceText(LocalApp app, String id) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(console(app).resolve("api/traces/" + id))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static URI console(LocalApp app) {
        return app.console().orElseThrow().url();
    }

    private static JsonNode get(LocalApp app, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(console(app).resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
