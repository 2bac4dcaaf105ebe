package dev.bricks.local.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.local.app.fixtures.TestFunctionZips;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API gateway of a template run through {@link LocalApp}: an HTTP API with a Lambda authorizer (simple
 * responses, an alias-qualified {@code FunctionArn}, header and {@code $context.routeKey} identity sources, result
 * cache) and the 6 MB payload limit.
 */
class LocalAppGatewayTest {

    static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              RecordDir: {Type: String}
            Globals:
              Function: {Runtime: java17, CodeUri: fn.zip, MemorySize: 256, Timeout: 20}
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    DefaultAuthorizer: Simple
                    Authorizers:
                      Simple:
                        FunctionArn: !Sub "${AuthFn.Arn}:live"
                        Identity: {Headers: [Authorization], Context: [routeKey], ReauthorizeEvery: 300}
                        AuthorizerPayloadFormatVersion: "2.0"
                        EnableSimpleResponses: true
              AuthFn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.bricks.local.app.fixtures.SimpleAuthorizerHandler::handleRequest
                  Environment: {Variables: {RECORD_DIR: !Ref RecordDir}}
              ApiFn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.bricks.local.app.fixtures.RecordingHandler::handleRequest
                  Events:
                    Secret: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /secret, Method: GET}}
                    OtherSecret: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /secret/other, Method: GET}}
                    Open:
                      Type: HttpApi
                      Properties: {ApiId: !Ref Api, Path: /open, Method: GET, Auth: {Authorizer: NONE}}
                    Upload:
                      Type: HttpApi
                      Properties: {ApiId: !Ref Api, Path: /upload, Method: POST, Auth: {Authorizer: NONE}}
            """;

    static final Path DIR = tempDir();
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final LocalAppExtension APP = LocalAppExtension.of(
            template(),
            LocalAppOptions.builder()
                    .parameterOverride("RecordDir", DIR.resolve("authorizer").toString())
                    .logs(new PrintStream(PrintStream.nullOutputStream()))
                    .colour(false)
                    .build());

    static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("bricks-local-gateway");
            Files.createDirectories(dir.resolve("authorizer"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path template() {
        TestFunctionZips.write(DIR.resolve("fn.zip"), "v1");
        try {
            return Files.writeString(DIR.resolve("template.yaml"), TEMPLATE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> get(LocalApp app, String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.url(path)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** How often the authorizer ran with this identity. */
    private static long authorizerRuns(String identity) throws IOException {
        try (Stream<Path> files = Files.list(DIR.resolve("authorizer"))) {
            return files.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains("\"authorization\":\"" + identity + "\"");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .count();
        }
    }

    @Test
    void authorizedRoute_allowed_reachesFunctionWithAuthorizerContext(LocalApp app) throws Exception {
        HttpResponse<String> r = get(app, "/secret", "allow-ada");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode event = JSON.readTree(r.body());
        assertThat(event.at("/requestContext/authorizer/lambda/user").asText()).isEqualTo("ada");
        assertThat(event.at("/routeKey").asText()).isEqualTo("GET /secret");
        assertThat(authorizerRuns("allow-ada")).isEqualTo(1);
    }

    @Test
    void authorizedRoute_routeKeyIdentitySource_cachesPerRoute(LocalApp app) throws Exception {
        assertThat(get(app, "/secret", "allow-per-route").statusCode()).isEqualTo(200);
        assertThat(get(app, "/secret", "allow-per-route").statusCode()).isEqualTo(200);
        assertThat(get(app, "/secret/other", "allow-per-route").statusCode()).isEqualTo(200);

        assertThat(authorizerRuns("allow-per-route")).isEqualTo(2); // once per route, then cached
    }

    @Test
    void authorizedRoute_denied_answers403(LocalApp app) throws Exception {
        HttpResponse<String> r = get(app, "/secret", "deny-me");

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(authorizerRuns("deny-me")).isEqualTo(1);
    }

    @Test
    void authorizedRoute_identitySourceMissing_answers401WithoutCallingTheAuthorizer(LocalApp app) throws Exception {
        long before;
        try (Stream<Path> files = Files.list(DIR.resolve("authorizer"))) {
            before = files.count();
        }

        HttpResponse<String> r = get(app, "/secret", null);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        try (Stream<Path> files = Files.list(DIR.resolve("authorizer"))) {
            assertThat(files.count()).isEqualTo(before);
        }
    }

    @Test
    void authorizedRoute_sameIdentityWithinTtl_usesTheCachedResult(LocalApp app) throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = get(app, "/secret", "allow-cached");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(r.body())
                            .at("/requestContext/authorizer/lambda/user")
                            .asText())
                    .isEqualTo("ada");
        }

        assertThat(authorizerRuns("allow-cached")).isEqualTo(1);
    }

    @Test
    void upload_20MbBody_answers413WhileOtherRoutesKeepServing(LocalApp app) throws Exception {
        byte[] body = new byte[20 * 1024 * 1024];
        CompletableFuture<HttpResponse<String>> big = HTTP.sendAsync(
                HttpRequest.newBuilder(app.url("/upload"))
                        .timeout(Duration.ofSeconds(120))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> open = get(app, "/open", null);

        assertThat(open.statusCode()).isEqualTo(200);
        HttpResponse<String> tooLarge = big.join();
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).isEqualTo("{\"message\":\"Request Entity Too Large\"}");
        assertThat(get(app, "/open", null).statusCode()).isEqualTo(200);
    }
}
