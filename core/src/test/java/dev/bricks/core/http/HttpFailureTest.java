package dev.bricks.core.http;

import static dev.bricks.core.http.TestEvents.body;
import static dev.bricks.core.http.TestEvents.headers;
import static dev.bricks.core.http.TestEvents.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bricks.core.Fixtures;
import dev.bricks.core.RecordingListener;
import dev.bricks.core.StderrCapture;
import dev.bricks.core.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failures that used to escape as Lambda errors (API Gateway then answers 502 without a request id) are answered
 * as problems, and logged once with their cause.
 */
class HttpFailureTest {

    /** A handler whose setup fails the first time only. */
    static final class FlakySetup extends HttpHandler {
        int setups;

        @Override
        protected void setup() {
            if (setups++ == 0) {
                throw new IllegalStateException("secret store unreachable");
            }
        }

        @Route(method = HttpMethod.GET, path = "/ping")
        String ping() {
            return "pong";
        }
    }

    /** A value Jackson cannot write: its getter throws. */
    public static final class Unwritable {
        public String getValue() {
            throw new IllegalStateException("getter exploded");
        }
    }

    static final class Api extends HttpHandler {
        @Route(method = HttpMethod.GET, path = "/unwritable")
        Unwritable unwritable() {
            return new Unwritable();
        }

        @Route(method = HttpMethod.POST, path = "/echo")
        Map<String, Object> echo(@Body Map<String, Object> body) {
            return body;
        }
    }

    @BeforeEach
    void reset() {
        RecordingListener.CALLS.clear();
    }

    @Test
    void handleRequest_setupThrows_returns500WithRequestIdLoggedOnceAndSetupRetried() {
        FlakySetup handler = new FlakySetup();
        String first;
        try (StderrCapture err = new StderrCapture()) {
            first = Fixtures.run(handler, TestEvents.v2("GET", "/ping", null, null));

            assertThat(err.count("setup() failed")).isEqualTo(1);
            assertThat(err.text()).contains("IllegalStateException: secret store unreachable");
        }
        Map<String, Object> response = parse(first);
        assertThat(response.get("statusCode")).isEqualTo(500);
        assertThat(headers(response))
                .containsEntry("Content-Type", "application/problem+json")
                .containsEntry("x-correlation-id", "gw-req-1");
        assertThat(body(response))
                .containsEntry("type", ProblemType.INTERNAL.uri())
                .containsEntry("requestId", "req-1");
        assertThat(first).doesNotContain("secret store");
        assertThat(RecordingListener.CALLS.get(1).failure()).hasMessage("secret store unreachable");

        Map<String, Object> second = parse(Fixtures.run(handler, TestEvents.v2("GET", "/ping", null, null)));

        assertThat(second.get("statusCode")).isEqualTo(200);
        assertThat(handler.setups).isEqualTo(2);
    }

    @Test
    void handleRequest_responseBodyNotWritable_returns500LoggedOnceWithCause() {
        String raw;
        try (StderrCapture err = new StderrCapture()) {
            raw = Fixtures.run(new Api(), TestEvents.v2("GET", "/unwritable", null, null));

            assertThat(err.count("response body could not be written as JSON")).isEqualTo(1);
            assertThat(err.text()).contains("getter exploded");
        }
        Map<String, Object> response = parse(raw);
        assertThat(response.get("statusCode")).isEqualTo(500);
        assertThat(body(response))
                .containsEntry("type", ProblemType.INTERNAL.uri())
                .containsEntry("requestId", "req-1");
        assertThat(raw).doesNotContain("getter exploded");
        Throwable failure = RecordingListener.CALLS.get(1).failure();
        assertThat(failure).isInstanceOf(JsonException.class);
        assertThat(((JsonException) failure).kind()).isEqualTo(JsonException.Kind.WRITE);
        assertThat(failure.getCause()).hasRootCauseMessage("getter exploded");
    }

    @Test
    void handleRequest_base64FlagWithInvalidBody_returns400MalformedBodyEncoding() {
        String event = TestEvents.v2("POST", "/echo", "application/json", "not base64!")
                .replace("\"isBase64Encoded\":false", "\"isBase64Encoded\":true");

        Map<String, Object> response = parse(Fixtures.run(new Api(), event));

        assertThat(response.get("statusCode")).isEqualTo(400);
        assertThat(headers(response)).containsEntry("Content-Type", "application/problem+json");
        assertThat(body(response))
                .containsEntry("type", ProblemType.MALFORMED_BODY_ENCODING.uri())
                .containsEntry("title", "Bad Request");
        assertThat(RecordingListener.CALLS.get(1).failure()).isNull();
    }

    @Test
    void handleRequest_base64FlagWithValidBody_bindsDecodedBody() {
        String encoded = Base64.getEncoder().encodeToString("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        String event = TestEvents.v2("POST", "/echo", "application/json", encoded)
                .replace("\"isBase64Encoded\":false", "\"isBase64Encoded\":true");

        Map<String, Object> response = parse(Fixtures.run(new Api(), event));

        assertThat(response.get("statusCode")).isEqualTo(200);
        assertThat(body(response)).isEqualTo(Map.of("a", 1));
    }
}
