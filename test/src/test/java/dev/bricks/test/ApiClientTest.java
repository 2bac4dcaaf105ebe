package dev.bricks.test;

import static dev.bricks.test.BricksAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bricks.core.http.ProblemType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ApiClient} against a real HTTP server on loopback: what goes out, and the answer as an {@link HttpResult}. */
class ApiClientTest {

    record Received(String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {}

    private static final String PROBLEM =
            "{\"type\":\"" + ProblemType.INVALID_FIELDS.uri() + "\",\"title\":\"Unprocessable"
                    + " Content\",\"status\":422,\"detail\":\"2 field(s) are invalid\",\"errors\":[{\"field\":\"items[0].sku\","
                    + "\"message\":\"unknown product X\"},{\"field\":\"userId\",\"message\":\"must not be blank\"}]}";

    private final AtomicReference<Received> received = new AtomicReference<>();
    private HttpServer server;
    private ApiClient api;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        api = ApiClient.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/prod/"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        received.set(new Received(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        byte[] body = PROBLEM.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        exchange.getResponseHeaders().add("Set-Cookie", "session=abc");
        exchange.getResponseHeaders().add("X-Trace", "a");
        exchange.getResponseHeaders().add("X-Trace", "b");
        exchange.sendResponseHeaders(422, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void send_postWithQueryHeadersCookieAndJson_arrivesAsTheClientSentIt() {
        api.send(HttpEvents.v2()
                .post("/order?limit=2")
                .query("cursor", "a+b/c=")
                .bearer("t0ken")
                .header("Idempotency-Key", "k-1")
                .cookie("theme", "dark")
                .json("{\"items\":[]}"));

        Received r = received.get();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/prod/order");
        assertThat(r.rawQuery()).isEqualTo("limit=2&cursor=a%2Bb%2Fc%3D");
        assertThat(r.headers())
                .containsEntry("Authorization", List.of("Bearer t0ken"))
                .containsEntry("Idempotency-key", List.of("k-1"))
                .containsEntry("Cookie", List.of("theme=dark"))
                .containsEntry("Content-type", List.of("application/json"));
        assertThat(r.body()).isEqualTo("{\"items\":[]}");
    }

    @Test
    void send_binaryBody_sentDecoded() {
        api.send(HttpEvents.v2().put("/upload").body("application/octet-stream", new byte[] {'h', 'i'}));

        assertThat(received.get().method()).isEqualTo("PUT");
        assertThat(received.get().body()).isEqualTo("hi");
    }

    @Test
    void send_problemAnswer_assertableLikeAnInvokedHandlersResponse() {
        HttpResult result = api.send(HttpEvents.v2().get("/orders"));

        assertThat(result)
                .isProblem(ProblemType.INVALID_FIELDS)
                .hasDetailContaining("2 field(s)")
                .hasErrorFieldsIncluding("items[0].sku")
                .hasErrorFieldsIncluding("userId", "items[0].sku");
        assertThat(result.header("x-trace")).contains("a,b");
        assertThat(result.cookies()).containsExactly("session=abc");
        assertThat(result.headers()).doesNotContainKey("set-cookie");
    }

    @Test
    void problemAssert_missingFieldOrDetail_failsNamingWhatWasThere() {
        HttpResult result = api.send(HttpEvents.v2().get("/orders"));

        assertThatThrownBy(() -> assertThat(result)
                        .isProblem(ProblemType.INVALID_FIELDS)
                        .hasErrorFieldsIncluding("userId", "quantity"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "expected error fields including [userId, quantity] but were [items[0].sku, userId]");
        assertThatThrownBy(() ->
                        assertThat(result).isProblem(ProblemType.INVALID_FIELDS).hasDetailContaining("3 field(s)"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "expected a problem detail containing '3 field(s)' but was 2 field(s) are invalid");
    }

    @Test
    void send_nothingListening_failsNamingTheRequest() {
        server.stop(0);

        assertThatThrownBy(() -> api.send(HttpEvents.v2().get("/orders")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("GET http://127.0.0.1:");
    }

    @Test
    void builder_badOptions_rejectedNamingTheValue() {
        assertThatThrownBy(() -> ApiClient.builder().baseUrl(URI.create("/relative")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/relative");
        assertThatThrownBy(() -> ApiClient.builder().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT0S");
        assertThatThrownBy(() -> ApiClient.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("baseUrl");
    }
}
