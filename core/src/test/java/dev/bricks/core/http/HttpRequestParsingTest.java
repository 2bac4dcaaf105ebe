package dev.bricks.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.core.Fixtures;
import dev.bricks.core.InvalidEventException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HttpRequestParsingTest {

    @Test
    void parse_httpApiV2Fixture_readsEveryMember() {
        HttpRequest request = HttpRequestParser.parse(Fixtures.event("http-v2-place-order.json"));

        assertThat(request.version()).isEqualTo(PayloadVersion.V2);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/order");
        assertThat(request.routeKey()).isEqualTo("POST /order");
        assertThat(request.header("Content-Type")).contains("application/json");
        assertThat(request.header("X-CORRELATION-ID")).contains("corr-http-1");
        assertThat(request.queryParameter("source")).contains("web");
        assertThat(request.queryParameterValues("tag")).containsExactly("a", "b");
        assertThat(request.cookie("session")).contains("abc123");
        assertThat(request.cookies()).containsEntry("theme", "dark");
        assertThat(request.stageVariables()).containsEntry("ordersTable", "Orders");
        assertThat(request.requestId()).isEqualTo("JKJaXmPLvHcESHA=");
        assertThat(request.stage()).isEqualTo("$default");
        assertThat(request.sourceIp()).isEqualTo("205.255.255.176");
        assertThat(request.isBase64Encoded()).isFalse();
        assertThat(request.bodyText()).startsWith("{\"userId\":\"user-42\"");
        Principal principal = request.principal().orElseThrow();
        assertThat(principal.subject()).isEqualTo("user-42");
        assertThat(principal.scopes()).containsExactly("orders/write", "orders/read");
        assertThat(principal.groups()).containsExactly("customers", "admins");
        assertThat(principal.claim("email")).isEqualTo("ana@example.com");
    }

    @Test
    void parse_restApiV1Fixture_readsEveryMember() {
        HttpRequest request = HttpRequestParser.parse(Fixtures.event("http-v1-get-order.json"));

        assertThat(request.version()).isEqualTo(PayloadVersion.V1);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/orders/ord_123");
        assertThat(request.resource()).isEqualTo("/orders/{orderId}");
        assertThat(request.routeKey()).isEqualTo("GET /orders/{orderId}");
        assertThat(request.pathParameter("orderId")).contains("ord_123");
        assertThat(request.header("accept")).contains("application/json");
        assertThat(request.headerValues("x-forwarded-for")).containsExactly("205.255.255.176", "10.0.0.1");
        assertThat(request.queryParameterValues("fields")).containsExactly("status", "items");
        assertThat(request.cookie("theme")).contains("dark");
        assertThat(request.stage()).isEqualTo("prod");
        assertThat(request.requestId()).isEqualTo("77375676-xmpl-4b79-853a-f982474efe18");
        assertThat(request.sourceIp()).isEqualTo("205.255.255.176");
        assertThat(request.bodyLength()).isZero();
        Principal principal = request.principal().orElseThrow();
        assertThat(principal.subject()).isEqualTo("user-42");
        assertThat(principal.scopes()).containsExactly("orders/read", "orders/write");
        assertThat(principal.groups()).containsExactly("customers", "admins");
        assertThat(principal.claim("tenant")).isEqualTo("acme");
        assertThat(principal.claims()).doesNotContainKey("integrationLatency");
    }

    @Test
    void parse_base64Body_isDecoded() {
        String event = "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"/upload\",\"requestContext\":"
                + "{\"http\":{\"method\":\"PUT\"},\"requestId\":\"r\"},\"body\":\"aGVsbG8=\",\"isBase64Encoded\":true}";

        HttpRequest request = HttpRequestParser.parse(event.getBytes(StandardCharsets.UTF_8));

        assertThat(request.bodyText()).isEqualTo("hello");
        assertThat(request.isBase64Encoded()).isTrue();
    }

    static Stream<Arguments> authorizers() {
        return Stream.of(
                Arguments.of(
                        "v1 lambda authorizer",
                        "{\"principalId\":\"u1\",\"scope\":\"a b\",\"groups\":\"g1\"}",
                        false,
                        "u1",
                        List.of("a", "b"),
                        List.of("g1")),
                Arguments.of(
                        "v1 cognito user pool",
                        "{\"claims\":{\"sub\":\"u2\",\"cognito:groups\":\"admins,staff\",\"scope\":\"orders/read\"}}",
                        false,
                        "u2",
                        List.of("orders/read"),
                        List.of("admins", "staff")),
                Arguments.of(
                        "v2 jwt, scopes as list",
                        "{\"jwt\":{\"claims\":{\"sub\":\"u3\",\"groups\":[\"x\",\"y\"]},\"scopes\":[\"s1\"]}}",
                        true,
                        "u3",
                        List.of("s1"),
                        List.of("x", "y")),
                Arguments.of(
                        "v2 jwt, scopes null, scope claim as string",
                        "{\"jwt\":{\"claims\":{\"sub\":\"u4\",\"scope\":\"s1 s2\"},\"scopes\":null}}",
                        true,
                        "u4",
                        List.of("s1", "s2"),
                        List.of()),
                Arguments.of(
                        "v2 lambda authorizer with lists",
                        "{\"lambda\":{\"sub\":\"u5\",\"scopes\":[\"w\"],\"cognito:groups\":[\"g\"]}}",
                        true,
                        "u5",
                        List.of("w"),
                        List.of("g")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authorizers")
    void principal_authorizerShape_readsSubjectScopesGroups(
            String name, String authorizer, boolean v2, String subject, List<String> scopes, List<String> groups) {
        String event = v2
                ? "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"/\",\"requestContext\":"
                        + "{\"http\":{\"method\":\"GET\"},\"authorizer\":" + authorizer + "}}"
                : "{\"httpMethod\":\"GET\",\"path\":\"/\",\"requestContext\":{\"authorizer\":" + authorizer + "}}";

        Principal principal = HttpRequestParser.parse(event.getBytes(StandardCharsets.UTF_8))
                .principal()
                .orElseThrow();

        assertThat(principal.subject()).isEqualTo(subject);
        assertThat(principal.scopes()).isEqualTo(scopes);
        assertThat(principal.groups()).isEqualTo(groups);
        assertThat(principal.hasScope(scopes.get(0))).isTrue();
    }

    @Test
    void principal_noAuthorizer_isEmpty() {
        String event = TestEvents.v2("GET", "/", null, null, Map.of());

        assertThat(HttpRequestParser.parse(event.getBytes(StandardCharsets.UTF_8))
                        .principal())
                .isEmpty();
    }

    @Test
    void parse_notAnApiGatewayEvent_failsNamingExpectedShape() {
        assertThatThrownBy(() -> HttpRequestParser.parse("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("httpMethod");
    }
}
