package dev.bricks.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuntimeApiServerTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:orders";
    private final HttpClient http = HttpClient.newHttpClient();
    private final RuntimeApiServer api = RuntimeApiServer.start(ARN);

    @AfterEach
    void close() {
        api.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://" + api.hostAndPort() + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, byte[] body, String errorType) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + api.hostAndPort() + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (errorType != null) {
            b.header("Lambda-Runtime-Function-Error-Type", errorType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void next_afterInvoke_deliversTheEventWithEveryHeaderLambdaSends() throws Exception {
        long before = System.currentTimeMillis();
        CompletableFuture<InvocationResult> result =
                api.invoke("{\"a\":1}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(3));

        HttpResponse<String> next = get("/2018-06-01/runtime/invocation/next");

        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("{\"a\":1}");
        var h = next.headers();
        assertThat(h.firstValue("Lambda-Runtime-Aws-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).hasSize(36));
        assertThat(Long.parseLong(h.firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow()))
                .isBetween(before + 3000, System.currentTimeMillis() + 3000);
        assertThat(h.firstValue("Lambda-Runtime-Invoked-Function-Arn")).contains(ARN);
        assertThat(h.firstValue("Lambda-Runtime-Trace-Id"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("Root=1-"));
        assertThat(h.map()).containsKeys("lambda-runtime-client-context", "lambda-runtime-cognito-identity");
        assertThat(api.firstNextNanos()).isPresent();
        assertThat(result).isNotDone();
    }

    @Test
    void response_completesTheInvocationWithBodyAndDuration() throws Exception {
        CompletableFuture<InvocationResult> result =
                api.invoke("{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(3));
        String id = get("/2018-06-01/runtime/invocation/next")
                .headers()
                .firstValue("Lambda-Runtime-Aws-Request-Id")
                .orElseThrow();

        HttpResponse<String> posted = post(
                "/2018-06-01/runtime/invocation/" + id + "/response",
                "{\"statusCode\":201}".getBytes(StandardCharsets.UTF_8),
                null);

        assertThat(posted.statusCode()).isEqualTo(202);
        InvocationResult r = result.join();
        assertThat(r.requestId()).isEqualTo(id);
        assertThat(r.status()).isEqualTo(InvocationResult.Status.SUCCESS);
        assertThat(r.payloadAsString()).isEqualTo("{\"statusCode\":201}");
        assertThat(r.errorType()).isNull();
        assertThat(r.duration()).isPositive();
        assertThat(post("/2018-06-01/runtime/invocation/" + id + "/response", new byte[1], null)
                        .statusCode())
                .as("a second answer for the same request")
                .isEqualTo(400);
    }

    @Test
    void error_completesTheInvocationAsErrorWithItsType() throws Exception {
        CompletableFuture<InvocationResult> result =
                api.invoke("{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(3));
        String id = get("/2018-06-01/runtime/invocation/next")
                .headers()
                .firstValue("Lambda-Runtime-Aws-Request-Id")
                .orElseThrow();

        post(
                "/2018-06-01/runtime/invocation/" + id + "/error",
                "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.RuntimeException\"}"
                        .getBytes(StandardCharsets.UTF_8),
                "Runtime.Unknown");

        InvocationResult r = result.join();
        assertThat(r.status()).isEqualTo(InvocationResult.Status.ERROR);
        assertThat(r.errorType()).isEqualTo("Runtime.Unknown");
        assertThat(r.payloadAsString()).contains("\"errorMessage\":\"boom\"");
    }

    @Test
    void response_largerThanSixMiB_isRefusedWith413AndTheInvocationFailsNamingTheLimit() throws Exception {
        CompletableFuture<InvocationResult> result =
                api.invoke("{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(3));
        String id = get("/2018-06-01/runtime/invocation/next")
                .headers()
                .firstValue("Lambda-Runtime-Aws-Request-Id")
                .orElseThrow();

        HttpResponse<String> posted = post(
                "/2018-06-01/runtime/invocation/" + id + "/response",
                new byte[RuntimeApiServer.MAX_RESPONSE_BYTES + 1],
                null);

        assertThat(posted.statusCode()).isEqualTo(413);
        assertThat(result.join().errorType()).isEqualTo("Function.ResponseSizeTooLarge");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/2018-06-01/runtime/invocation/no-such-id/response",
                "/2018-06-01/runtime/invocation/no-such-id/error"
            })
    void answer_forUnknownRequestId_is400NamingTheId(String path) throws Exception {
        HttpResponse<String> r = post(path, "{}".getBytes(StandardCharsets.UTF_8), null);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("InvalidRequestID").contains("no-such-id");
    }

    @Test
    void unknownResource_is404AndWrongMethod_is405() throws Exception {
        assertThat(get("/2018-06-01/runtime/nothing").statusCode()).isEqualTo(404);
        assertThat(post("/2018-06-01/runtime/invocation/next", new byte[0], null)
                        .statusCode())
                .isEqualTo(405);
    }

    @Test
    void restoreNext_snapStartRuntimeAsksForItsRestore_answered200AtOnce() throws Exception {
        HttpResponse<String> restore = get("/2018-06-01/runtime/restore/next");

        assertThat(restore.statusCode()).isEqualTo(200);
        assertThat(restore.body()).isEmpty();
    }

    @Test
    void initError_isRecordedWithItsType() throws Exception {
        HttpResponse<String> r = post(
                "/2018-06-01/runtime/init/error",
                "{\"errorMessage\":\"no table\"}".getBytes(StandardCharsets.UTF_8),
                "Runtime.ClassNotFound");

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(api.initError().join())
                .isEqualTo(
                        new RuntimeApiServer.RuntimeError("Runtime.ClassNotFound", "{\"errorMessage\":\"no table\"}"));
    }

    @Test
    void abandonAll_failsWaitingInvocations() {
        CompletableFuture<InvocationResult> result =
                api.invoke("{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(3));

        api.abandonAll("process exited with code 1");

        assertThatThrownBy(result::join)
                .hasCauseInstanceOf(RuntimeApiServer.RuntimeGoneException.class)
                .hasMessageContaining("process exited with code 1");
    }

    @Test
    void invoke_withNonPositiveTimeout_isRefusedNamingIt() {
        assertThatThrownBy(() -> api.invoke(new byte[0], Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout must be positive, was PT0S");
    }
}
