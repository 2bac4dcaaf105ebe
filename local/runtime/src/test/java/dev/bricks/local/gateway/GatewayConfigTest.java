package dev.bricks.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Config validation, route priority and policy evaluation, without a server. */
class GatewayConfigTest {

    private static RouteConfig route(String method, String path) {
        return new RouteConfig(method, path, "Fn", null, PayloadFormat.V2_0);
    }

    @Test
    void routeConfig_badValues_areRefusedNamingThem() {
        assertThatThrownBy(() -> route("FETCH", "/a")).hasMessageContaining("FETCH");
        assertThatThrownBy(() -> route("GET", "a")).hasMessageContaining("must start with '/'");
        assertThatThrownBy(() -> route("GET", "/{p+}/x")).hasMessageContaining("must be the last segment");
        assertThatThrownBy(() -> route("GET", "/a{b}")).hasMessageContaining("whole segment");
        assertThatThrownBy(() -> route("GET", "$default")).hasMessageContaining("ANY");
        assertThat(route("get", "/a").method()).isEqualTo("GET");
    }

    @Test
    void apiConfig_inconsistentRoutesAndAuthorizers_areRefused() {
        assertThatThrownBy(() -> ApiConfig.httpApi("A")
                        .route(route("GET", "/a"))
                        .route(route("GET", "/a"))
                        .build())
                .hasMessageContaining("API A, route GET /a: declared twice");
        assertThatThrownBy(() -> ApiConfig.httpApi("A")
                        .route(new RouteConfig("GET", "/a", "Fn", "Nope", PayloadFormat.V2_0))
                        .build())
                .hasMessageContaining("unknown authorizer 'Nope'");
        assertThatThrownBy(
                        () -> ApiConfig.restApi("R").route(route("GET", "/a")).build())
                .hasMessageContaining("REST APIs only send payload format 1.0");
        assertThatThrownBy(() -> ApiConfig.httpApi("A")
                        .authorizer(AuthorizerConfig.builder("T", "Fn")
                                .type(AuthorizerType.TOKEN)
                                .identitySource("$request.header.Authorization")
                                .build())
                        .build())
                .hasMessageContaining("HTTP APIs have REQUEST authorizers only");
    }

    @Test
    void authorizerConfig_badValues_areRefused() {
        assertThatThrownBy(() -> AuthorizerConfig.builder("A", "Fn")
                        .identitySource("header.Authorization")
                        .build())
                .hasMessageContaining("Identity source 'header.Authorization'");
        assertThatThrownBy(() -> AuthorizerConfig.builder("A", "Fn")
                        .resultTtl(Duration.ofHours(2))
                        .identitySource("$request.header.A")
                        .build())
                .hasMessageContaining("0-3600 s");
        assertThatThrownBy(() -> AuthorizerConfig.builder("A", "Fn")
                        .resultTtl(Duration.ofSeconds(5))
                        .build())
                .hasMessageContaining("caching needs at least one identity source");
        assertThatThrownBy(() -> AuthorizerConfig.builder("A", "Fn")
                        .simpleResponses(true)
                        .payloadFormat(PayloadFormat.V1_0)
                        .build())
                .hasMessageContaining("simple responses need payload format 2.0");
        assertThatThrownBy(() -> AuthorizerConfig.builder("A", "Fn")
                        .type(AuthorizerType.TOKEN)
                        .identitySource("method.request.header.A")
                        .identityValidationExpression("([")
                        .build())
                .hasMessageContaining("not a regular expression");
    }

    @Test
    void routeTable_twoApisWithOneRouteKey_areRefused() {
        ApiConfig a = ApiConfig.httpApi("A").route(route("GET", "/x")).build();
        ApiConfig b = ApiConfig.httpApi("B").route(route("GET", "/x")).build();
        assertThatThrownBy(() -> RouteTable.of(List.of(a, b)))
                .hasMessageContaining("Route GET /x is declared by API A and by API B");
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /pets/dog, GET /pets/dog",
        "GET, /pets/cat, GET /pets/{name}",
        "POST, /pets/cat, ANY /pets/{name}",
        "GET, /pets/cat/toys, GET /pets/{proxy+}",
        "GET, /pets, GET /pets",
        "GET, /other, $default",
        "GET, /, $default",
    })
    void routeTable_match_mostSpecificFirst(String method, String path, String expectedRouteKey) {
        RouteTable table = RouteTable.of(List.of(ApiConfig.httpApi("A")
                .route(RouteConfig.defaultRoute("Fn", null))
                .route(route("GET", "/pets/{proxy+}"))
                .route(route("ANY", "/pets/{name}"))
                .route(route("GET", "/pets/{name}"))
                .route(route("GET", "/pets/dog"))
                .route(route("GET", "/pets"))
                .build()));
        assertThat(table.match(method, path).entry().route().routeKey()).isEqualTo(expectedRouteKey);
    }

    @Test
    void pathPattern_match_decodesParametersAndHonoursGreedy() {
        assertThat(PathPattern.parse("/files/{dir}/{rest+}").match("/files/a%20b/c/d%2Fe"))
                .isEqualTo(Map.of("dir", "a b", "rest", "c/d/e"));
        assertThat(PathPattern.parse("/files/{rest+}").match("/files")).isNull();
        assertThat(PathPattern.parse("/a/{b}").match("/a/x/y")).isNull();
        assertThat(PathPattern.parse("/").match("/")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "arn:aws:execute-api:*:*:*/*/*/*, ALLOW",
        "arn:aws:execute-api:eu-west-1:123456789012:abc/Prod/GET/pets/*, ALLOW",
        "arn:aws:execute-api:eu-west-1:123456789012:abc/Prod/POST/*, IMPLICIT_DENY",
        "arn:aws:execute-api:eu-west-1:123456789012:abc/Prod/GET/pets/?, ALLOW",
        "arn:aws:execute-api:eu-west-1:123456789012:abc/Prod/GET/pets/1, ALLOW",
        "arn:aws:execute-api:eu-west-1:123456789012:abc/Dev/GET/pets/1, IMPLICIT_DENY",
    })
    void authorizerResult_policy_judgesMethodArnWithWildcards(String resource, AuthorizerResult.Verdict expected)
            throws Exception {
        String policy = "{\"principalId\":\"u\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\"" + resource + "\"}]}}";
        AuthorizerResult result = AuthorizerResult.parse(new ObjectMapper().readTree(policy), false, true);
        assertThat(result.evaluate("arn:aws:execute-api:eu-west-1:123456789012:abc/Prod/GET/pets/1"))
                .isEqualTo(expected);
    }

    @Test
    void authorizerResult_explicitDenyWinsOverAllow_andMalformedIsRefused() throws Exception {
        String policy = "{\"policyDocument\":{\"Statement\":[{\"Action\":[\"execute-api:Invoke\"],\"Effect\":\"Allow\","
                + "\"Resource\":[\"*\"]},{\"Action\":\"*\",\"Effect\":\"Deny\",\"Resource\":\"*/GET/*\"}]}}";
        AuthorizerResult result = AuthorizerResult.parse(new ObjectMapper().readTree(policy), false, false);
        assertThat(result.evaluate("arn:x/Prod/GET/a")).isEqualTo(AuthorizerResult.Verdict.EXPLICIT_DENY);
        assertThat(result.evaluate("arn:x/Prod/POST/a")).isEqualTo(AuthorizerResult.Verdict.ALLOW);

        ObjectMapper json = new ObjectMapper();
        for (String bad : List.of(
                "{}",
                "{\"policyDocument\":{\"Statement\":[{\"Effect\":\"Maybe\"}]}}",
                "{\"policyDocument\":{\"Statement\":[]},\"context\":{\"o\":{\"nested\":1}}}",
                "[]")) {
            assertThatThrownBy(() -> AuthorizerResult.parse(json.readTree(bad), false, true))
                    .as(bad)
                    .isInstanceOf(AuthorizerResult.MalformedException.class);
        }
        assertThatThrownBy(() -> AuthorizerResult.parse(json.readTree("{\"isAuthorized\":\"yes\"}"), true, false))
                .hasMessageContaining("boolean isAuthorized");
    }
}
