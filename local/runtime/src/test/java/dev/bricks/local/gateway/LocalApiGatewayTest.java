package dev.bricks.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.core.http.CoreEventParser;
import dev.bricks.core.http.HttpRequest;
import dev.bricks.core.http.PayloadVersion;
import dev.bricks.local.functions.FunctionEnvironments;
import dev.bricks.local.functions.FunctionLogs;
import dev.bricks.local.functions.FunctionSpec;
import dev.bricks.local.gateway.fixtures.AuthorizerHandler;
import dev.bricks.local.gateway.fixtures.EchoEventHandler;
import dev.bricks.local.gateway.fixtures.ResponseHandler;
import dev.bricks.local.runtime.TestFunctions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway end to end: real HTTP in (java.net.http), real function JVMs on the runtime interface client behind
 * it, and core's own event parser as the oracle for the events it builds.
 */
class LocalApiGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;

    private static FunctionEnvironments functions;
    private static CountingInvoker invoker;
    private static LocalApiGateway gateway;

    @BeforeAll
    static void start() throws IOException {
        Path deployment = TestFunctions.deployment(
                Files.createDirectories(dir.resolve("fn")),
                EchoEventHandler.class,
                ResponseHandler.class,
                AuthorizerHandler.class);
        functions = new FunctionEnvironments(
                List.of(
                        spec("Echo", EchoEventHandler.class, deployment),
                        spec("Responder", ResponseHandler.class, deployment),
                        spec("Authorizer", AuthorizerHandler.class, deployment),
                        new FunctionSpec(
                                "SlowAuthorizer",
                                "SlowAuthorizer",
                                deployment,
                                AuthorizerHandler.class.getName() + "::handleRequest",
                                Path.of(System.getProperty("java.home")),
                                256,
                                Duration.ofSeconds(2),
                                Map.of(),
                                1)),
                FunctionLogs.discarding());
        invoker = new CountingInvoker(functions);
        ApiConfig http = ApiConfig.httpApi("OrdersApi")
                .stageVariable("ordersTable", "Orders")
                .authorizer(AuthorizerConfig.builder("SimpleAuth", "Authorizer")
                        .identitySource("$request.header.Authorization")
                        .simpleResponses(true)
                        .resultTtl(Duration.ofMinutes(5))
                        .build())
                .authorizer(AuthorizerConfig.builder("SimpleNoCache", "Authorizer")
                        .identitySource("$request.header.Authorization")
                        .simpleResponses(true)
                        .build())
                .authorizer(AuthorizerConfig.builder("PolicyAuth", "Authorizer")
                        .identitySource("$request.header.Authorization")
                        .build())
                .authorizer(AuthorizerConfig.builder("V1Auth", "Authorizer")
                        .identitySource("$request.querystring.token")
                        .payloadFormat(PayloadFormat.V1_0)
                        .build())
                .authorizer(AuthorizerConfig.builder("SlowAuth", "SlowAuthorizer")
                        .identitySource("$request.header.Authorization")
                        .simpleResponses(true)
                        .resultTtl(Duration.ofMinutes(5))
                        .build())
                .route(v2("GET", "/auth/slow", "Echo", "SlowAuth"))
                .route(v2("POST", "/orders/{orderId}", "Echo", null))
                .route(v2("GET", "/files/{proxy+}", "Echo", null))
                .route(v2("GET", "/files/special", "Responder", null))
                .route(v2("ANY", "/any/{x}", "Echo", null))
                .route(v2("GET", "/any/get", "Responder", null))
                .route(v2("POST", "/upload", "Echo", null))
                .route(new RouteConfig("GET", "/v1/{id}", "Echo", null, PayloadFormat.V1_0))
                .route(v2("ANY", "/respond/{name}", "Responder", null))
                .route(v2("GET", "/auth/simple", "Echo", "SimpleAuth"))
                .route(v2("GET", "/auth/nocache", "Echo", "SimpleNoCache"))
                .route(v2("GET", "/auth/policy", "Echo", "PolicyAuth"))
                .route(new RouteConfig("GET", "/auth/v1", "Echo", "V1Auth", PayloadFormat.V1_0))
                .route(v2("GET", "/nofn", "MissingFunction", null))
                .build();
        ApiConfig rest = ApiConfig.restApi("PetsApi")
                .binaryMediaType("image/png")
                .authorizer(AuthorizerConfig.builder("TokenAuth", "Authorizer")
                        .type(AuthorizerType.TOKEN)
                        .identitySource(AuthorizerConfig.REST_DEFAULT_TOKEN_SOURCE)
                        .identityValidationExpression("^[a-z-]+$")
                        .resultTtl(AuthorizerConfig.REST_DEFAULT_RESULT_TTL)
                        .payloadFormat(PayloadFormat.V1_0)
                        .build())
                .authorizer(AuthorizerConfig.builder("ReqAuth", "Authorizer")
                        .identitySource("method.request.header.X-Token")
                        .identitySource("method.request.querystring.q")
                        .payloadFormat(PayloadFormat.V1_0)
                        .build())
                .route(v1("GET", "/items/{id}", "Echo", null))
                .route(v1("ANY", "/rest/respond/{name}", "Responder", null))
                .route(v1("POST", "/rest/upload", "Echo", null))
                .route(v1("GET", "/pets/{id}", "Echo", "TokenAuth"))
                .route(v1("GET", "/orders", "Echo", "TokenAuth"))
                .route(v1("GET", "/rest/req", "Echo", "ReqAuth"))
                .build();
        gateway = LocalApiGateway.builder(invoker)
                .api(http)
                .api(rest)
                .region("eu-west-1")
                .start();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        functions.close();
    }

    private static FunctionSpec spec(String id, Class<?> handler, Path deployment) {
        return new FunctionSpec(
                id,
                id,
                deployment,
                handler.getName() + "::handleRequest",
                Path.of(System.getProperty("java.home")),
                256,
                Duration.ofSeconds(20),
                Map.of(),
                4);
    }

    private static RouteConfig v2(String method, String path, String fn, String authorizer) {
        return new RouteConfig(method, path, fn, authorizer, PayloadFormat.V2_0);
    }

    private static RouteConfig v1(String method, String path, String fn, String authorizer) {
        return new RouteConfig(method, path, fn, authorizer, PayloadFormat.V1_0);
    }

    private static java.net.http.HttpRequest.Builder request(String pathAndQuery) {
        return java.net.http.HttpRequest.newBuilder(gateway.baseUrl().resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(60));
    }

    private static HttpResponse<String> send(java.net.http.HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(String pathAndQuery, String... headers) {
        java.net.http.HttpRequest.Builder b = request(pathAndQuery).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode fixture(String name) throws IOException {
        Path p = Path.of("../../core/src/test/resources/events/" + name);
        return JSON.readTree(Files.readAllBytes(p));
    }

    @Test
    void httpApiRoute_v2Event_isReadByCoresParserAndShapedLikeTheFixture() throws IOException {
        HttpResponse<String> response = send(request("/orders/ord%2042?source=web&tag=a&tag=b&q=a+b%26c")
                .header("Cookie", "session=abc123; theme=dark")
                .header("X-Correlation-Id", "corr-1")
                .header("X-Multi", "one")
                .header("X-Multi", "two")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"userId\":\"user-42\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode event = json(response.body());
        HttpRequest parsed = CoreEventParser.parse(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.version()).isEqualTo(PayloadVersion.V2);
        assertThat(parsed.method()).isEqualTo("POST");
        assertThat(parsed.path()).isEqualTo("/orders/ord%2042");
        assertThat(parsed.routeKey()).isEqualTo("POST /orders/{orderId}");
        assertThat(parsed.pathParameters()).isEqualTo(Map.of("orderId", "ord 42"));
        assertThat(parsed.queryParameterValues("tag")).containsExactly("a", "b");
        assertThat(parsed.queryParameter("q")).contains("a b&c");
        assertThat(parsed.cookies()).isEqualTo(Map.of("session", "abc123", "theme", "dark"));
        assertThat(parsed.header("x-correlation-id")).contains("corr-1");
        assertThat(parsed.header("x-multi")).contains("one,two");
        assertThat(parsed.stageVariables()).isEqualTo(Map.of("ordersTable", "Orders"));
        assertThat(parsed.bodyText()).isEqualTo("{\"userId\":\"user-42\"}");
        assertThat(parsed.isBase64Encoded()).isFalse();
        assertThat(parsed.stage()).isEqualTo("$default");
        assertThat(parsed.sourceIp()).isEqualTo("127.0.0.1");
        assertThat(parsed.requestId())
                .isEqualTo(response.headers().firstValue("apigw-requestid").orElseThrow())
                .hasSize(16);
        assertThat(parsed.principal()).isEmpty();

        assertThat(event.get("rawQueryString").asText()).isEqualTo("source=web&tag=a&tag=b&q=a+b%26c");
        assertThat(event.at("/queryStringParameters/tag").asText()).isEqualTo("a,b");
        assertThat(fieldNames(event.get("headers")))
                .allMatch(h -> h.equals(h.toLowerCase()))
                .doesNotContain("cookie")
                .contains("x-forwarded-for", "x-forwarded-proto", "x-forwarded-port");
        JsonNode http = event.at("/requestContext/http");
        assertThat(http.get("protocol").asText()).isEqualTo("HTTP/1.1");
        assertThat(http.get("userAgent").asText()).startsWith("Java-http-client");
        assertThat(http.get("path").asText()).isEqualTo("/orders/ord%2042");
        JsonNode ctx = event.get("requestContext");
        assertThat(ctx.get("accountId").asText()).isEqualTo("123456789012");
        assertThat(ctx.get("apiId").asText())
                .isEqualTo(gateway.apis().get(0).apiId())
                .hasSize(10);
        assertThat(ctx.get("domainName").asText()).isEqualTo("127.0.0.1:" + gateway.port());
        assertThat(ctx.get("time").asText()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(ctx.get("timeEpoch").asLong())
                .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
        // every member AWS's own 2.0 event has (the fixture), and in the same places
        JsonNode expected = fixture("http-v2-place-order.json");
        assertThat(fieldNames(event)).containsAll(fieldNames(expected));
        Set<String> ctxFields = fieldNames(expected.get("requestContext"));
        ctxFields.remove("authorizer");
        assertThat(fieldNames(ctx)).containsAll(ctxFields);
        assertThat(fieldNames(http)).isEqualTo(fieldNames(expected.at("/requestContext/http")));
    }

    @Test
    void restRoute_v1Event_isReadByCoresParserAndShapedLikeTheFixture() throws IOException {
        HttpResponse<String> response = get(
                "/items/42?fields=status&fields=items",
                "X-Multi",
                "one",
                "X-Multi",
                "two",
                "Cookie",
                "session=abc123; theme=dark");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode event = json(response.body());
        HttpRequest parsed = CoreEventParser.parse(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.version()).isEqualTo(PayloadVersion.V1);
        assertThat(parsed.method()).isEqualTo("GET");
        assertThat(parsed.resource()).isEqualTo("/items/{id}");
        assertThat(parsed.routeKey()).isEqualTo("GET /items/{id}");
        assertThat(parsed.pathParameters()).isEqualTo(Map.of("id", "42"));
        assertThat(parsed.queryParameterValues("fields")).containsExactly("status", "items");
        assertThat(parsed.headerValues("x-multi")).containsExactly("one", "two");
        assertThat(parsed.cookies()).isEqualTo(Map.of("session", "abc123", "theme", "dark"));
        assertThat(parsed.stage()).isEqualTo("Prod");
        assertThat(parsed.sourceIp()).isEqualTo("127.0.0.1");
        assertThat(parsed.requestId())
                .isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow());
        assertThat(parsed.body()).isEmpty();
        assertThat(event.get("body").isNull()).isTrue();
        assertThat(event.get("queryStringParameters").get("fields").asText()).isEqualTo("items"); // last value
        assertThat(event.at("/requestContext/path").asText()).isEqualTo("/Prod/items/42");
        assertThat(event.has("version")).isFalse();
        JsonNode expected = fixture("http-v1-get-order.json");
        assertThat(fieldNames(event)).isEqualTo(fieldNames(expected));
        Set<String> ctxFields = fieldNames(expected.get("requestContext"));
        ctxFields.remove("authorizer");
        assertThat(fieldNames(event.get("requestContext"))).isEqualTo(ctxFields);
        assertThat(fieldNames(event.at("/requestContext/identity")))
                .isEqualTo(fieldNames(expected.at("/requestContext/identity")));
    }

    @Test
    void httpApiRoute_payload10_carriesVersionAndMultiValueMembers() {
        HttpResponse<String> response = get("/v1/7?a=1&a=2");

        JsonNode event = json(response.body());
        assertThat(event.get("version").asText()).isEqualTo("1.0");
        assertThat(event.at("/multiValueQueryStringParameters/a").toString()).isEqualTo("[\"1\",\"2\"]");
        assertThat(event.at("/requestContext/path").asText()).isEqualTo("/v1/7");
        assertThat(CoreEventParser.parse(response.body().getBytes(StandardCharsets.UTF_8))
                        .pathParameter("id"))
                .contains("7");
    }

    @Test
    void routeMatching_greedyLiteralAndAny_mostSpecificFirst() {
        JsonNode greedy = json(get("/files/a/b/c.txt").body());
        assertThat(greedy.at("/pathParameters/proxy").asText()).isEqualTo("a/b/c.txt");
        assertThat(greedy.get("routeKey").asText()).isEqualTo("GET /files/{proxy+}");

        assertThat(get("/files/special").body()).isEqualTo("hello"); // literal beats greedy
        assertThat(get("/any/get").body()).isEqualTo("hello"); // GET literal beats ANY variable
        JsonNode any = json(send(request("/any/thing").DELETE()).body()); // ANY matches DELETE
        assertThat(any.get("routeKey").asText()).isEqualTo("ANY /any/{x}");
        assertThat(send(request("/files").GET()).statusCode()).isEqualTo(404); // {proxy+} needs a segment
    }

    @Test
    void unknownRoute_answers404NotFound_andWrongMethodToo() {
        HttpResponse<String> unknown = get("/nope/nothing");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(send(request("/upload").PUT(BodyPublishers.ofString("x"))).statusCode())
                .isEqualTo(404);
    }

    @Test
    void binaryBody_httpApi_isBase64EncodedByContentType() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
        JsonNode binary =
                json(send(request("/upload").header("Content-Type", "image/png").POST(BodyPublishers.ofByteArray(png)))
                        .body());
        assertThat(binary.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(CoreEventParser.parse(binary.toString().getBytes(StandardCharsets.UTF_8))
                        .body())
                .isEqualTo(png);

        JsonNode text = json(send(request("/upload")
                        .header("Content-Type", "text/plain; charset=utf-8")
                        .POST(BodyPublishers.ofString("héllo")))
                .body());
        assertThat(text.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(text.get("body").asText()).isEqualTo("héllo");
    }

    @Test
    void binaryBody_rest_isBase64EncodedForBinaryMediaTypesOnly() {
        byte[] png = {1, 2, 3, (byte) 0xfe};
        JsonNode binary = json(
                send(request("/rest/upload").header("Content-Type", "image/png").POST(BodyPublishers.ofByteArray(png)))
                        .body());
        assertThat(binary.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(binary.get("body").asText())).isEqualTo(png);

        JsonNode json = json(send(request("/rest/upload")
                        .header("Content-Type", "application/octet-stream")
                        .POST(BodyPublishers.ofString("plain")))
                .body());
        assertThat(json.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(json.get("body").asText()).isEqualTo("plain");
    }

    @Test
    void responses_v2_mappedAsApiGatewayDoes() throws Exception {
        HttpResponse<String> cookies = get("/respond/cookies");
        assertThat(cookies.statusCode()).isEqualTo(201);
        assertThat(cookies.body()).isEqualTo("made");
        assertThat(cookies.headers().allValues("set-cookie")).containsExactly("a=1; Path=/", "b=2");
        assertThat(cookies.headers().firstValue("x-made")).contains("yes");
        assertThat(cookies.headers().firstValue("content-type")).contains("text/plain");

        HttpResponse<String> bare = get("/respond/bare");
        assertThat(bare.statusCode()).isEqualTo(200);
        assertThat(bare.headers().firstValue("content-type")).contains("application/json");
        assertThat(json(bare.body())).isEqualTo(json("{\"hello\":\"world\",\"n\":[1,2]}"));

        assertThat(get("/respond/string").body()).isEqualTo("Hello from Lambda!");

        HttpResponse<byte[]> binary = CLIENT.send(request("/respond/binary").build(), BodyHandlers.ofByteArray());
        assertThat(binary.body()).containsExactly(0, 1, 2, 0xff);

        HttpResponse<String> thrown = get("/respond/throw");
        assertThat(thrown.statusCode()).isEqualTo(500);
        assertThat(thrown.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");

        HttpResponse<String> malformed = get("/respond/malformed");
        assertThat(malformed.statusCode()).isEqualTo(500);
        assertThat(malformed.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    @Test
    void responses_rest_multiValueHeadersMerged_errorsAre502() {
        HttpResponse<String> multi = get("/rest/respond/multi");
        assertThat(multi.statusCode()).isEqualTo(200);
        assertThat(multi.headers().allValues("x-many")).containsExactly("a", "b");
        assertThat(multi.headers().firstValue("x-one")).contains("1");

        for (String name : List.of("throw", "malformed", "badstatus", "bare")) {
            HttpResponse<String> bad = get("/rest/respond/" + name);
            assertThat(bad.statusCode()).as(name).isEqualTo(502);
            assertThat(bad.body()).as(name).isEqualTo("{\"message\": \"Internal server error\"}");
        }
    }

    @Test
    void unknownFunction_answers500_andOtherRoutesStillServe() {
        assertThat(get("/nofn").statusCode()).isEqualTo(500);
        assertThat(get("/respond/hello").body()).isEqualTo("hello");
    }

    @Test
    void httpAuthorizer_simpleAllow_handsContextUnderLambda_andCaches() {
        int before = invoker.count("Authorizer");
        HttpResponse<String> first = get("/auth/simple", "Authorization", "allow-simple-1");
        HttpResponse<String> second = get("/auth/simple", "Authorization", "allow-simple-1");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(invoker.count("Authorizer") - before).isEqualTo(1); // second answered from the cache
        JsonNode lambda = json(first.body()).at("/requestContext/authorizer/lambda");
        assertThat(lambda).isEqualTo(json("{\"sub\":\"user-7\",\"tenant\":\"acme\",\"roles\":[\"a\",\"b\"]}"));
        HttpRequest parsed = CoreEventParser.parse(first.body().getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.principal())
                .hasValueSatisfying(p -> assertThat(p.subject()).isEqualTo("user-7"));

        get("/auth/simple", "Authorization", "allow-simple-2"); // another identity: another invocation
        assertThat(invoker.count("Authorizer") - before).isEqualTo(2);
    }

    @Test
    void httpAuthorizer_ttlZero_invokesEveryTime() {
        int before = invoker.count("Authorizer");
        get("/auth/nocache", "Authorization", "allow-simple-x");
        get("/auth/nocache", "Authorization", "allow-simple-x");
        assertThat(invoker.count("Authorizer") - before).isEqualTo(2);
    }

    @Test
    void httpAuthorizer_denyMissingThrowsGarbage_answerAsHttpApi() {
        int before = invoker.count("Authorizer");
        HttpResponse<String> missing = get("/auth/simple");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(invoker.count("Authorizer")).isEqualTo(before); // not invoked

        HttpResponse<String> denied = get("/auth/simple", "Authorization", "deny-simple");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).isEqualTo("{\"message\":\"Forbidden\"}");

        for (String token : List.of("throw", "garbage", "unauthorized")) {
            HttpResponse<String> failed = get("/auth/nocache", "Authorization", token);
            assertThat(failed.statusCode()).as(token).isEqualTo(500);
            assertThat(failed.body()).as(token).isEqualTo("{\"message\":\"Internal Server Error\"}");
        }
        assertThat(get("/auth/policy", "Authorization", "deny-policy").statusCode())
                .isEqualTo(403);
        HttpResponse<String> policyAllowed = get("/auth/policy", "Authorization", "allow-policy");
        assertThat(json(policyAllowed.body())
                        .at("/requestContext/authorizer/lambda/level")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    void httpAuthorizer_timesOut_answers500AndNeverAllows() {
        HttpResponse<String> timedOut = get("/auth/slow", "Authorization", "slow-allow");
        assertThat(timedOut.statusCode()).isEqualTo(500);
        assertThat(timedOut.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(get("/respond/hello").body()).isEqualTo("hello");
    }

    @Test
    void httpAuthorizer_payload10_readsQueryIdentity_andRouteGetsPrincipal() {
        HttpResponse<String> allowed = get("/auth/v1?token=allow-policy");
        assertThat(allowed.statusCode()).isEqualTo(200);
        JsonNode authorizer = json(allowed.body()).at("/requestContext/authorizer");
        assertThat(authorizer.get("principalId").asText()).isEqualTo("user-9");
        assertThat(authorizer.get("tenant").asText()).isEqualTo("acme");
        assertThat(get("/auth/v1").statusCode()).isEqualTo(401);
    }

    @Test
    void restTokenAuthorizer_allow_handsPrincipalAndStringContext() {
        HttpResponse<String> allowed = get("/pets/1", "Authorization", "allow-policy");

        assertThat(allowed.statusCode()).isEqualTo(200);
        JsonNode authorizer = json(allowed.body()).at("/requestContext/authorizer");
        assertThat(authorizer.get("principalId").asText()).isEqualTo("user-9");
        assertThat(authorizer.get("tenant").asText()).isEqualTo("acme");
        assertThat(authorizer.get("level").isTextual()).isTrue();
        assertThat(authorizer.get("level").asText()).isEqualTo("3");
        assertThat(authorizer.get("admin").asText()).isEqualTo("true");
        assertThat(authorizer.has("integrationLatency")).isTrue();
        HttpRequest parsed = CoreEventParser.parse(allowed.body().getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.principal())
                .hasValueSatisfying(p -> assertThat(p.subject()).isEqualTo("user-9"));
    }

    @Test
    void restTokenAuthorizer_cachedPolicy_isRecheckedAgainstEachMethodArn() {
        int before = invoker.count("Authorizer");
        assertThat(get("/pets/1", "Authorization", "pets-only").statusCode()).isEqualTo(200);
        HttpResponse<String> other = get("/orders", "Authorization", "pets-only");

        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).isEqualTo("{\"Message\":\"User is not authorized to access this resource\"}");
        assertThat(invoker.count("Authorizer") - before).isEqualTo(1);
    }

    @Test
    void restTokenAuthorizer_denyUnauthorizedThrowsInvalidMissing() {
        HttpResponse<String> deny = get("/pets/1", "Authorization", "deny-policy");
        assertThat(deny.statusCode()).isEqualTo(403);
        assertThat(deny.body())
                .isEqualTo("{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}");

        HttpResponse<String> unauthorized = get("/pets/1", "Authorization", "unauthorized");
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.body()).isEqualTo("{\"message\":\"Unauthorized\"}");

        HttpResponse<String> thrown = get("/pets/1", "Authorization", "throw");
        assertThat(thrown.statusCode()).isEqualTo(500);
        assertThat(thrown.body()).isEqualTo("{\"message\": null}");

        int before = invoker.count("Authorizer");
        assertThat(get("/pets/1", "Authorization", "Not Matching 123").statusCode())
                .isEqualTo(401);
        assertThat(get("/pets/1").statusCode()).isEqualTo(401);
        assertThat(invoker.count("Authorizer")).isEqualTo(before);
    }

    @Test
    void restRequestAuthorizer_needsEveryIdentitySource() {
        assertThat(get("/rest/req?q=1", "X-Token", "allow-policy").statusCode()).isEqualTo(200);
        assertThat(get("/rest/req", "X-Token", "allow-policy").statusCode()).isEqualTo(401);
        assertThat(get("/rest/req?q=1", "X-Token", "deny-policy").statusCode()).isEqualTo(403);
    }

    @Test
    void body_above6Mb_answers413_withoutInvoking_andServingGoesOn() {
        int before = invoker.count("Echo");
        HttpResponse<String> big = send(request("/upload")
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofByteArray(new byte[7 * 1024 * 1024])));
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.body()).isEqualTo("{\"message\":\"Request Entity Too Large\"}");

        // 5 MB of binary is under the body bound but its base64 event is not
        HttpResponse<String> encoded = send(request("/upload")
                .header("Content-Type", "image/png")
                .POST(BodyPublishers.ofByteArray(new byte[5 * 1024 * 1024])));
        assertThat(encoded.statusCode()).isEqualTo(413);
        assertThat(invoker.count("Echo")).isEqualTo(before);
        assertThat(get("/respond/hello").body()).isEqualTo("hello");
    }

    @Test
    void body20Mb_streamedWithoutLength_answers413() {
        // a body of unknown length (chunked) that never fits: read up to the limit, the rest discarded
        Iterator<byte[]> chunks = new Iterator<>() {
            int sent;

            @Override
            public boolean hasNext() {
                return sent < 20;
            }

            @Override
            public byte[] next() {
                sent++;
                return new byte[1024 * 1024];
            }
        };
        HttpResponse<String> big = send(request("/upload")
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> new ChunkStream(chunks)))));
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(get("/respond/hello").statusCode()).isEqualTo(200);
    }

    @Test
    void garbageOnTheSocket_doesNotStopTheServer() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("THIS IS NOT HTTP\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(5000);
            InputStream in = socket.getInputStream();
            in.read(new byte[256]); // an error answer or EOF, either is fine
        }
        assertThat(get("/respond/hello").body()).isEqualTo("hello");
    }

    @Test
    void mount_servesAnotherHandlerUnderItsPrefix() {
        gateway.mount("/_bricks/", exchange -> {
            byte[] body = "console".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        assertThat(get("/_bricks/traces").body()).isEqualTo("console");
        assertThat(get("/respond/hello").body()).isEqualTo("hello");
        assertThatThrownBy(() -> gateway.mount("/", exchange -> {})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void start_portInUse_throwsNamingThePort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> LocalApiGateway.builder(invoker)
                            .port(taken.getLocalPort())
                            .start())
                    .isInstanceOf(LocalApiGateway.PortInUseException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
        }
    }

    @Test
    void concurrentClients_allAnswered() throws Exception {
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            futures.add(CLIENT.sendAsync(request("/respond/hello").build(), BodyHandlers.ofString()));
        }
        for (var f : futures) {
            assertThat(f.get().statusCode()).isEqualTo(200);
        }
    }

    /** An input stream over byte-array chunks. */
    private static final class ChunkStream extends InputStream {
        private final Iterator<byte[]> chunks;
        private byte[] current = new byte[0];
        private int pos;

        ChunkStream(Iterator<byte[]> chunks) {
            this.chunks = chunks;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            while (pos == current.length) {
                if (!chunks.hasNext()) {
                    return -1;
                }
                current = chunks.next();
                pos = 0;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
