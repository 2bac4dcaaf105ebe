package dev.bricks.test;

import static dev.bricks.test.BricksAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.core.http.HeaderParam;
import dev.bricks.core.http.HttpHandler;
import dev.bricks.core.http.HttpMethod;
import dev.bricks.core.http.HttpRequest;
import dev.bricks.core.http.PathParam;
import dev.bricks.core.http.PayloadVersion;
import dev.bricks.core.http.ProblemType;
import dev.bricks.core.http.QueryParam;
import dev.bricks.core.http.Route;
import dev.bricks.core.validation.Min;
import dev.bricks.core.validation.NotBlank;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The built events go through core's real HttpHandler: what it binds is what API Gateway would have sent. */
class HttpEventsTest {

    public record Line(@NotBlank String sku, @Min(1) int quantity) {}

    public record Echo(String orderId, String tag, String auth, String sku, int quantity, String sourceIp) {}

    public static final class Orders extends HttpHandler {
        @Route(method = HttpMethod.PUT, path = "/orders/{orderId}")
        Echo put(
                @PathParam("orderId") String orderId,
                @QueryParam("tag") String tag,
                @HeaderParam("Authorization") String auth,
                Line line,
                HttpRequest request) {
            return new Echo(orderId, tag, auth, line.sku(), line.quantity(), request.sourceIp());
        }
    }

    @ParameterizedTest
    @EnumSource(PayloadVersion.class)
    void build_pathQueryBearerJson_boundByTheHandler(PayloadVersion version) {
        String event = HttpEvents.request(version, HttpMethod.PUT, "/orders/o 1?tag=a%20b")
                .route("/orders/{orderId}")
                .pathParameter("orderId", "o 1")
                .bearer("tok")
                .json(new Line("A-1", 3))
                .build();

        HttpResult response = TestInvoker.invoke(new Orders(), event).http();

        assertThat(response).hasStatus(200).hasJsonBody(new Echo("o 1", "a b", "Bearer tok", "A-1", 3, "192.0.2.1"));
    }

    @Test
    void build_v2_hasAwsShape() {
        Map<?, ?> event = dev.bricks.core.json.Json.read(
                HttpEvents.v2()
                        .get("/a?x=1&x=2")
                        .header("X-Multi", "1")
                        .header("x-multi", "2")
                        .build(),
                Map.class);

        assertThat(event.get("version")).isEqualTo("2.0");
        assertThat(event.get("routeKey")).isEqualTo("$default");
        assertThat(event.get("rawQueryString")).isEqualTo("x=1&x=2");
        assertThat(event.get("queryStringParameters")).isEqualTo(Map.of("x", "1,2"));
        assertThat(event.get("headers")).isEqualTo(Map.of("x-multi", "1,2"));
    }

    @Test
    void build_v1_hasMultiValueMembers() {
        Map<?, ?> event = dev.bricks.core.json.Json.read(
                HttpEvents.v1()
                        .get("/a?x=1&x=2")
                        .header("X-Multi", "1")
                        .header("X-Multi", "2")
                        .build(),
                Map.class);

        assertThat(event.get("httpMethod")).isEqualTo("GET");
        assertThat(event.get("multiValueQueryStringParameters")).isEqualTo(Map.of("x", List.of("1", "2")));
        assertThat(event.get("multiValueHeaders")).isEqualTo(Map.of("X-Multi", List.of("1", "2")));
        assertThat(event.get("headers")).isEqualTo(Map.of("X-Multi", "2"));
    }

    @Test
    void isProblem_invalidFields_assertsEveryError() {
        String event = HttpEvents.v2()
                .put("/orders/o1")
                .json("{\"sku\":\" \",\"quantity\":2.5}")
                .build();

        HttpResult response = TestInvoker.invoke(new Orders(), event).http();

        assertThat(response)
                .isProblem(ProblemType.INVALID_FIELDS)
                .hasFieldError("sku", "must not be blank")
                .hasFieldError("quantity", "must be an integer")
                .hasErrorFieldsExactly("sku", "quantity");
    }

    @Test
    void isProblem_wrongType_failsNamingBothTypes() {
        HttpResult response = TestInvoker.invoke(
                        new Orders(), HttpEvents.v2().get("/nowhere").build())
                .http();

        assertThat(response).isProblem(ProblemType.NOT_FOUND);
        assertThatThrownBy(() -> assertThat(response).isProblem(ProblemType.INVALID_FIELDS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected status 422 but was 404");
    }

    @Test
    void body_binary_isBase64Encoded() {
        Map<?, ?> event = dev.bricks.core.json.Json.read(
                HttpEvents.v2().post("/up").body("image/png", new byte[] {1, 2}).build(), Map.class);

        assertThat(event.get("isBase64Encoded")).isEqualTo(true);
        assertThat(event.get("body")).isEqualTo("AQI=");
    }

    @Test
    void method_pathWithoutSlash_isRejected() {
        assertThatThrownBy(() -> HttpEvents.v2().get("orders"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'orders'");
    }
}
