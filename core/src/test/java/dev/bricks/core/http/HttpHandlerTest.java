package dev.bricks.core.http;

import static dev.bricks.core.http.TestEvents.body;
import static dev.bricks.core.http.TestEvents.headers;
import static dev.bricks.core.http.TestEvents.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.Fixtures;
import dev.bricks.core.RecordingListener;
import dev.bricks.core.samples.PlaceOrderHandler;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpHandlerTest {

    enum Status {
        OPEN,
        CLOSED
    }

    static final class Api extends HttpHandler {
        Api() {
            super(HttpOptions.builder()
                    .maxBodyBytes(200)
                    .cors(Cors.builder()
                            .allowOrigin("https://shop.example.com")
                            .allowMethods(HttpMethod.GET, HttpMethod.POST)
                            .allowHeaders("content-type")
                            .maxAge(Duration.ofMinutes(5))
                            .build())
                    .build());
        }

        @Route(method = HttpMethod.GET, path = "/items/{id}")
        Map<String, Object> item(
                @PathParam("id") long id, @QueryParam("status") Status status, @HeaderParam("x-tenant") String tenant) {
            return Map.of("id", id, "status", String.valueOf(status), "tenant", String.valueOf(tenant));
        }

        @Route(method = HttpMethod.GET, path = "/items/special")
        String special() {
            return "literal wins";
        }

        @Route(method = HttpMethod.DELETE, path = "/items/{id}")
        void delete(@PathParam("id") UUID id) {}

        @Route(method = HttpMethod.GET, path = "/boom")
        String boom() {
            throw new IllegalStateException("db password is hunter2");
        }

        @Route(method = HttpMethod.GET, path = "/conflict")
        String conflict() {
            throw new ProblemException(
                    Problem.of(409, "Conflict", "order exists").with("orderId", "o1"));
        }

        @Route(method = HttpMethod.GET, path = "/binary")
        HttpResponse binary() {
            return HttpResponse.status(200)
                    .binary(new byte[] {1, 2, 3}, "application/octet-stream")
                    .build();
        }

        @Route(method = HttpMethod.GET, path = "/cookies")
        HttpResponse cookies() {
            return HttpResponse.status(200)
                    .cookie("a=1; HttpOnly")
                    .cookie("b=2")
                    .addHeader("X-Multi", "x")
                    .addHeader("X-Multi", "y")
                    .text("ok", "text/plain")
                    .build();
        }

        @Route(method = HttpMethod.GET, path = "/files/{path+}")
        String file(@PathParam("path") String path) {
            return path;
        }
    }

    @BeforeEach
    void reset() {
        RecordingListener.CALLS.clear();
    }

    /**
     * Checks that the response is an {@code application/problem+json} of that status and problem type
     * ({@code https://bricks.dev/problems#<type>}); returns the problem body for further checks.
     */
    private static Map<String, Object> assertProblem(Map<String, Object> response, int status, String type) {
        assertThat(response.get("statusCode")).isEqualTo(status);
        assertThat(headers(response)).containsEntry("Content-Type", "application/problem+json");
        Map<String, Object> problem = body(response);
        assertThat(problem).containsEntry("type", ProblemType.URI_BASE + type);
        return problem;
    }

    private static Map<String, Object> call(HttpHandler handler, String event) {
        return parse(Fixtures.run(handler, event));
    }

    @Test
    void placeOrder_fixtureOnRouteKey_returns201WithOrderIdAndCorrelationHeader() {
        Map<String, Object> response =
                call(new PlaceOrderHandler(), new String(Fixtures.event("http-v2-place-order.json")));

        assertThat(response.get("statusCode")).isEqualTo(201);
        assertThat(headers(response))
                .containsEntry("Content-Type", "application/json")
                .containsEntry("x-correlation-id", "corr-http-1");
        assertThat((String) body(response).get("orderId")).matches("ord_\\d+_[0-9a-z]+");
        assertThat(body(response).get("message")).isEqualTo("Order received");
        assertThat(response.get("isBase64Encoded")).isEqualTo(false);
    }

    @Test
    void placeOrder_invalidFields_returns422ListingEveryField() {
        String event = TestEvents.v2(
                "POST",
                "/order",
                "application/json",
                "{\"userId\":\" \",\"items\":[{\"sku\":\"\",\"quantity\":0},{\"sku\":\"A\",\"quantity\":1}]}");

        Map<String, Object> response = call(new PlaceOrderHandler(), event);

        Map<String, Object> problem = assertProblem(response, 422, "invalid-fields");
        assertThat(problem).containsEntry("title", "Unprocessable Content").containsEntry("status", 422);
        assertThat(problem.get("errors"))
                .isEqualTo(List.of(
                        Map.of("field", "userId", "message", "must not be blank"),
                        Map.of("field", "items[0].sku", "message", "must not be blank"),
                        Map.of("field", "items[0].quantity", "message", "must be greater than or equal to 1")));
    }

    @Test
    void placeOrder_missingItems_returns422NamingItems() {
        Map<String, Object> response = call(
                new PlaceOrderHandler(), TestEvents.v2("POST", "/order", "application/json", "{\"userId\":\"u1\"}"));

        assertThat(response.get("statusCode")).isEqualTo(422);
        assertThat(body(response).get("errors"))
                .isEqualTo(List.of(Map.of("field", "items", "message", "must not be empty")));
    }

    @Test
    void placeOrder_fieldOfWrongType_returns422NamingField() {
        Map<String, Object> response = call(
                new PlaceOrderHandler(),
                TestEvents.v2(
                        "POST",
                        "/order",
                        "application/json",
                        "{\"userId\":\"u1\",\"items\":[{\"sku\":\"A\",\"quantity\":\"many\"}]}"));

        assertThat(response.get("statusCode")).isEqualTo(422);
        assertThat(body(response).get("errors"))
                .isEqualTo(List.of(Map.of("field", "items[0].quantity", "message", "must be an integer")));
    }

    @Test
    void placeOrder_malformedJson_returns400() {
        Map<String, Object> response =
                call(new PlaceOrderHandler(), TestEvents.v2("POST", "/order", "application/json", "{\"userId\":"));

        assertThat(assertProblem(response, 400, "malformed-json")).containsEntry("status", 400);
        assertThat((String) body(response).get("detail")).startsWith("request body is not valid JSON");
    }

    @Test
    void placeOrder_missingBody_returns400() {
        Map<String, Object> response =
                call(new PlaceOrderHandler(), TestEvents.v2("POST", "/order", "application/json", null));

        assertThat(response.get("statusCode")).isEqualTo(400);
        assertThat(body(response)).containsEntry("type", ProblemType.MISSING_BODY.uri());
    }

    @ParameterizedTest
    @CsvSource(
            value = {"text/plain", "application/x-www-form-urlencoded", "NULL"},
            nullValues = "NULL")
    void placeOrder_wrongContentType_returns415(String contentType) {
        Map<String, Object> response = call(
                new PlaceOrderHandler(),
                TestEvents.v2("POST", "/order", contentType, "{\"userId\":\"u\",\"items\":[]}"));

        assertThat(assertProblem(response, 415, "unsupported-media-type"))
                .containsEntry("title", "Unsupported Media Type");
        assertThat((String) body(response).get("detail")).contains("application/json");
    }

    @Test
    void placeOrder_jsonWithCharsetOrVendorType_isAccepted() {
        String body = "{\"userId\":\"u\",\"items\":[{\"sku\":\"A\",\"quantity\":1}]}";

        assertThat(call(
                                new PlaceOrderHandler(),
                                TestEvents.v2("POST", "/order", "application/json; charset=utf-8", body))
                        .get("statusCode"))
                .isEqualTo(201);
        assertThat(call(new PlaceOrderHandler(), TestEvents.v2("POST", "/order", "application/vnd.order+json", body))
                        .get("statusCode"))
                .isEqualTo(201);
    }

    @Test
    void handle_bodyOverLimit_returns413WithLimit() {
        String big = "{\"pad\":\"" + "x".repeat(300) + "\"}";

        Map<String, Object> response = call(new Api(), TestEvents.v2("POST", "/items/1", "application/json", big));

        assertThat(assertProblem(response, 413, "payload-too-large")).containsEntry("maxBodyBytes", 200);
    }

    @Test
    void handle_unknownPath_returns404() {
        Map<String, Object> response = call(new Api(), TestEvents.v2("GET", "/nothing", null, null));

        assertThat(assertProblem(response, 404, "not-found")).containsEntry("detail", "no route for GET /nothing");
    }

    @Test
    void handle_wrongMethod_returns405WithAllowHeader() {
        Map<String, Object> response = call(new Api(), TestEvents.v2("PUT", "/items/7", null, null));

        assertProblem(response, 405, "method-not-allowed");
        assertThat(headers(response)).containsEntry("Allow", "DELETE, GET");
    }

    @Test
    void handle_typedPathQueryHeader_areConverted() {
        Map<String, Object> response = call(
                new Api(),
                TestEvents.v2("GET", "/items/42", null, null, Map.of("X-Tenant", "acme"))
                        .replace("\"rawQueryString\":\"\"", "\"rawQueryString\":\"status=open\""));

        assertThat(response.get("statusCode")).isEqualTo(200);
        assertThat(body(response)).isEqualTo(Map.of("id", 42, "status", "OPEN", "tenant", "acme"));
    }

    @Test
    void handle_pathParamNotANumber_returns400NamingParameter() {
        Map<String, Object> response = call(new Api(), TestEvents.v2("GET", "/items/abc", null, null));

        assertThat(assertProblem(response, 400, "invalid-parameter"))
                .containsEntry("detail", "path parameter 'id' must be an integer")
                .containsEntry("errors", List.of(Map.of("field", "id", "message", "must be an integer")));
    }

    static final class Paged extends HttpHandler {
        @Route(method = HttpMethod.GET, path = "/page")
        String page(@QueryParam("size") int size) {
            return "size " + size;
        }
    }

    @Test
    void handle_missingPrimitiveQueryParam_returns400NamingIt() {
        Map<String, Object> response = call(new Paged(), TestEvents.v2("GET", "/page", null, null));

        assertThat(assertProblem(response, 400, "missing-parameter"))
                .containsEntry("detail", "missing required query parameter 'size'");
    }

    @Test
    void handle_literalSegment_winsOverVariable() {
        Map<String, Object> response = call(new Api(), TestEvents.v2("GET", "/items/special", null, null));

        assertThat(response.get("body")).isEqualTo("\"literal wins\"");
    }

    @Test
    void handle_greedyVariable_takesRestOfPathDecoded() {
        Map<String, Object> response = call(new Api(), TestEvents.v2("GET", "/files/a/b%20c.txt", null, null));

        assertThat(response.get("body")).isEqualTo("\"a/b c.txt\"");
    }

    @Test
    void handle_voidRoute_returns204() {
        Map<String, Object> response =
                call(new Api(), TestEvents.v2("DELETE", "/items/" + UUID.randomUUID(), null, null));

        assertThat(response.get("statusCode")).isEqualTo(204);
        assertThat(response.get("body")).isEqualTo("");
    }

    @Test
    void handle_unexpectedException_returns500WithRequestIdAndNoInternalMessage() {
        String raw = Fixtures.run(new Api(), TestEvents.v2("GET", "/boom", null, null));
        Map<String, Object> response = parse(raw);

        assertThat(assertProblem(response, 500, "internal"))
                .containsEntry("status", 500)
                .containsEntry("requestId", "req-1");
        assertThat(raw)
                .doesNotContain("hunter2")
                .doesNotContain("IllegalStateException")
                .doesNotContain("at dev.");
        assertThat(RecordingListener.CALLS.get(1).failure()).hasMessage("db password is hunter2");
    }

    @Test
    void handle_problemException_returnsItsProblem() {
        Map<String, Object> response = call(new Api(), TestEvents.v2("GET", "/conflict", null, null));

        assertThat(response.get("statusCode")).isEqualTo(409);
        assertThat(body(response))
                .isEqualTo(Map.of(
                        "type",
                        "about:blank",
                        "title",
                        "Conflict",
                        "status",
                        409,
                        "detail",
                        "order exists",
                        "orderId",
                        "o1"));
        assertThat(RecordingListener.CALLS.get(1).failure()).isNull();
    }

    @Test
    void handle_binaryBody_isBase64Encoded() {
        Map<String, Object> response = call(new Api(), TestEvents.v2("GET", "/binary", null, null));

        assertThat(response.get("isBase64Encoded")).isEqualTo(true);
        assertThat(Base64.getDecoder().decode((String) response.get("body"))).containsExactly(1, 2, 3);
        assertThat(headers(response)).containsEntry("Content-Type", "application/octet-stream");
    }

    @Test
    void handle_v2Response_hasCookiesArrayAndJoinedHeaders() {
        Map<String, Object> response = call(new Api(), TestEvents.v2("GET", "/cookies", null, null));

        assertThat(response.get("cookies")).isEqualTo(List.of("a=1; HttpOnly", "b=2"));
        assertThat(headers(response)).containsEntry("X-Multi", "x, y");
        assertThat(response).doesNotContainKey("multiValueHeaders");
        assertThat(response.get("body")).isEqualTo("ok");
    }

    @Test
    void handle_v1Response_hasMultiValueHeadersAndSetCookie() {
        Map<String, Object> response =
                call(new Api(), TestEvents.v1("GET", "/cookies", "/cookies", Map.of(), null, null));

        assertThat(response.get("multiValueHeaders"))
                .isEqualTo(Map.of("X-Multi", List.of("x", "y"), "Set-Cookie", List.of("a=1; HttpOnly", "b=2")));
        assertThat(response).doesNotContainKey("cookies");
        assertThat(headers(response)).containsEntry("Content-Type", "text/plain");
    }

    @Test
    void handle_v1Fixture_routesByResourceAndUsesGatewayPathParameters() {
        PlaceOrderHandler handler = new PlaceOrderHandler();

        Map<String, Object> response = call(handler, new String(Fixtures.event("http-v1-get-order.json")));

        assertThat(response.get("statusCode")).isEqualTo(404);
        assertThat(body(response))
                .containsEntry("title", "Order not found")
                .containsEntry("detail", "no order ord_123");
        assertThat(headers(response)).containsEntry("x-correlation-id", "77375676-xmpl-4b79-853a-f982474efe18");
    }

    @Test
    void placeOrder_thenGetOnV1_returnsStoredOrder() {
        PlaceOrderHandler handler = new PlaceOrderHandler();
        Map<String, Object> created = call(handler, new String(Fixtures.event("http-v2-place-order.json")));
        String orderId = (String) body(created).get("orderId");

        Map<String, Object> fetched = call(
                handler,
                TestEvents.v1(
                        "GET", "/orders/{orderId}", "/orders/" + orderId, Map.of("orderId", orderId), null, null));

        assertThat(fetched.get("statusCode")).isEqualTo(200);
        assertThat(body(fetched)).containsEntry("userId", "user-42");
    }

    @Test
    void handle_corsPreflight_answers204WithAllowedMethods() {
        Map<String, Object> response = call(
                new Api(),
                TestEvents.v2(
                        "OPTIONS",
                        "/items/1",
                        null,
                        null,
                        Map.of("origin", "https://shop.example.com", "access-control-request-method", "POST")));

        assertThat(response.get("statusCode")).isEqualTo(204);
        assertThat(headers(response))
                .containsEntry("Access-Control-Allow-Origin", "https://shop.example.com")
                .containsEntry("Access-Control-Allow-Methods", "GET, POST")
                .containsEntry("Access-Control-Allow-Headers", "content-type")
                .containsEntry("Access-Control-Max-Age", "300")
                .containsEntry("Vary", "Origin");
    }

    @Test
    void handle_corsActualRequestFromAllowedOrigin_addsAllowOrigin() {
        Map<String, Object> allowed = call(
                new Api(),
                TestEvents.v2("GET", "/items/special", null, null, Map.of("origin", "https://shop.example.com")));
        Map<String, Object> other = call(
                new Api(),
                TestEvents.v2("GET", "/items/special", null, null, Map.of("origin", "https://evil.example.com")));

        assertThat(headers(allowed)).containsEntry("Access-Control-Allow-Origin", "https://shop.example.com");
        assertThat(headers(other)).doesNotContainKey("Access-Control-Allow-Origin");
    }

    @Test
    void handle_corsPreflightFromOtherOrigin_returns403() {
        Map<String, Object> response = call(
                new Api(),
                TestEvents.v2(
                        "OPTIONS",
                        "/items/1",
                        null,
                        null,
                        Map.of("origin", "https://evil.example.com", "access-control-request-method", "GET")));

        assertThat(response.get("statusCode")).isEqualTo(403);
        assertThat(headers(response)).doesNotContainKey("Access-Control-Allow-Origin");
    }

    @Test
    void handle_overriddenHandleWithoutRoutes_isUsed() {
        HttpHandler handler = new HttpHandler() {
            @Override
            protected HttpResponse handle(HttpRequest request, Context context) {
                return HttpResponse.ok(Map.of("path", request.path()));
            }
        };

        assertThat(body(call(handler, TestEvents.v2("GET", "/any", null, null))))
                .isEqualTo(Map.of("path", "/any"));
    }

    static final class Duplicate extends HttpHandler {
        @Route(method = HttpMethod.GET, path = "/a")
        String one() {
            return "1";
        }

        @Route(method = HttpMethod.GET, path = "/a")
        String two() {
            return "2";
        }
    }

    static final class UnknownVariable extends HttpHandler {
        @Route(method = HttpMethod.GET, path = "/a/{id}")
        String one(@PathParam("orderId") String id) {
            return id;
        }
    }

    static final class Unbindable extends HttpHandler {
        @Route(method = HttpMethod.GET, path = "/a")
        String one(Thread thread) {
            return "";
        }
    }

    static final class NoRoutes extends HttpHandler {}

    @Test
    void constructor_invalidRouteDeclarations_failFastNamingTheProblem() {
        assertThatThrownBy(Duplicate::new)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("duplicate route GET /a");
        assertThatThrownBy(UnknownVariable::new)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@PathParam(\"orderId\")")
                .hasMessageContaining("/a/{id}");
        assertThatThrownBy(Unbindable::new)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not bindable")
                .hasMessageContaining("Unbindable.one");
        assertThatThrownBy(NoRoutes::new)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no @Route method");
    }

    @Test
    void builders_badValues_failFastNamingValue() {
        assertThatThrownBy(() -> HttpOptions.builder().maxBodyBytes(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was 0");
        assertThatThrownBy(() -> Cors.builder().allowOrigin("shop.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shop.example.com");
        assertThatThrownBy(() -> Cors.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> HttpResponse.status(99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("99");
        assertThatThrownBy(() -> Problem.of(200, "t", "d")).isInstanceOf(IllegalArgumentException.class);
    }
}
