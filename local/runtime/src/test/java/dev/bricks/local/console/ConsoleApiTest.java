package dev.bricks.local.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.local.app.LocalApp;
import dev.bricks.local.app.fixtures.Eventually;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The console's JSON API against a running {@link LocalApp}: an order placed over HTTP is traced through the
 * table, its stream, the bus and the mail it causes, in order, with its log lines and redacted payloads; filters,
 * live updates, the data endpoints, and the host, origin and token checks.
 */
class ConsoleApiTest {

    /** A JWT-shaped value (header {"alg":"HS256"}); the console must never show it. */
    static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJidXllciJ9.c2lnbmF0dXJl";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration CHAIN = Duration.ofSeconds(90);
    private static LocalApp app;

    @BeforeAll
    static void placeTheFirstOrder() throws Exception {
        app = ConsoleTestApp.get();
        assertThat(ConsoleTestApp.placeOrder(HTTP, "o-1", "corr-chain-1").statusCode())
                .isEqualTo(201);
        Eventually.waitUntil(
                CHAIN,
                "the whole chain in trace corr-chain-1",
                () -> kinds("corr-chain-1").size() == 8);
    }

    @Test
    void trace_orderThroughStreamBusAndMail_stepsInOrderWithLogLines() throws Exception {
        JsonNode trace = get("api/traces/corr-chain-1");

        assertThat(trace.path("title").asText()).startsWith("POST /orders/o-1 → 201");
        List<String> steps = new ArrayList<>();
        trace.path("steps")
                .forEach(s -> steps.add(
                        s.path("kind").asText() + ":" + s.path("function").asText("")));
        assertThat(steps)
                .containsExactly(
                        "HTTP:PlaceOrderFn",
                        "INVOCATION:PlaceOrderFn",
                        "ITEM_WRITE:",
                        "STREAM_BATCH:PublishFn",
                        "INVOCATION:PublishFn",
                        "EVENT:MailFn",
                        "INVOCATION:MailFn",
                        "MAIL:");
        JsonNode write = step(trace, "ITEM_WRITE");
        assertThat(write.path("detail").path("table").asText()).isEqualTo(ConsoleTestApp.TABLE);
        assertThat(write.path("detail").path("eventName").asText()).isEqualTo("INSERT");
        assertThat(write.path("detail").path("newImage").path("pk").path("S").asText())
                .isEqualTo("o-1");
        assertThat(step(trace, "EVENT").path("detail").path("rules").get(0).asText())
                .isEqualTo("orders/MailFnPlaced");
        JsonNode first = step(trace, "INVOCATION");
        assertThat(first.path("detail").path("report").asText()).startsWith("REPORT RequestId: ");
        assertThat(first.path("detail").has("coldStart")).isTrue();
        assertThat(first.path("detail").path("memorySizeMb").asInt()).isEqualTo(256);
        List<String> lines = new ArrayList<>();
        trace.path("logs")
                .forEach(l -> lines.add(
                        l.path("source").asText() + "|" + l.path("text").asText()));
        assertThat(lines)
                .anyMatch(l -> l.equals("PlaceOrderFn|placing order o-1"))
                .anyMatch(l -> l.startsWith("PublishFn|publishing OrderPlaced for o-1"))
                .anyMatch(l -> l.equals("MailFn|mailing order o-1"))
                .anyMatch(l -> l.startsWith("MailFn|REPORT RequestId: "));
        assertThat(trace.path("logs").findValuesAsText("correlationId")).containsOnly("corr-chain-1");
    }

    @Test
    void trace_secretsInHeadersBodiesAndEvents_redacted() throws Exception {
        String raw = text("api/traces/corr-chain-1");

        assertThat(raw).doesNotContain(JWT).doesNotContain("4111111111111111").contains("***");
        JsonNode http = step(JSON.readTree(raw), "HTTP").path("detail");
        assertThat(http.path("requestHeaders").path("Authorization").asText()).isEqualTo("***");
        assertThat(http.path("body").asText()).isEqualTo("{\"card\":\"***\",\"note\":\"token ***\"}");
    }

    @Test
    void traces_newestFirst_andFiltered() throws Exception {
        ConsoleTestApp.placeOrder(HTTP, "o-2", "corr-order-2");
        ConsoleTestApp.placeOrder(HTTP, "o-3", "corr-order-3");
        HTTP.send(HttpRequest.newBuilder(app.url("/no/such/route")).build(), HttpResponse.BodyHandlers.ofString());
        Eventually.waitUntil(Duration.ofSeconds(10), "the 404 recorded", () -> notFoundCount() == 1);

        List<String> ids = ids(get("api/traces"));
        assertThat(ids.indexOf("corr-order-3")).isLessThan(ids.indexOf("corr-order-2"));
        assertThat(ids.indexOf("corr-order-2")).isLessThan(ids.indexOf("corr-chain-1"));
        assertThat(ids(get("api/traces?q=corr-order-2"))).containsExactly("corr-order-2");
        List<String> notFound = ids(get("api/traces?q=404%20/no/such/route"));
        assertThat(notFound).hasSize(1);
        assertThat(get("api/traces?q=404%20/no/such/route")
                        .path("items")
                        .get(0)
                        .path("title")
                        .asText())
                .startsWith("GET /no/such/route → 404 (");
        assertThat(ids(get("api/traces?q=MailFn"))).contains("corr-chain-1").doesNotContain(notFound.get(0));
        assertThat(ids(get("api/traces?q=corr-order%20201"))).containsExactly("corr-order-3", "corr-order-2");
    }

    @Test
    void stream_requestThroughTheApi_updateNamesItsTrace() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(ConsoleTestApp.console().resolve("api/stream"))
                .build();
        HttpResponse<InputStream> stream = HTTP.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("content-type")).hasValue("text/event-stream; charset=utf-8");
        CompletableFuture<String> update = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("data: ") && line.contains("corr-live-1")) {
                        return line;
                    }
                }
                return null;
            } catch (IOException e) {
                return "failed: " + e;
            }
        });
        ConsoleTestApp.placeOrder(HTTP, "o-live", "corr-live-1");

        assertThat(update.get(30, TimeUnit.SECONDS)).contains("\"traces\":[").contains("corr-live-1");
        stream.body().close();
    }

    @Test
    void functions_countsPercentilesReportAndSamples() throws Exception {
        JsonNode functions = get("api/functions");
        JsonNode place = find(functions, "id", "PlaceOrderFn");

        assertThat(place.path("invocations").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(place.path("errors").asLong()).isZero();
        assertThat(place.path("p50Ms").asDouble()).isPositive();
        assertThat(place.path("p99Ms").asDouble())
                .isGreaterThanOrEqualTo(place.path("p50Ms").asDouble());
        assertThat(place.path("lastReport").asText()).startsWith("REPORT RequestId: ");
        assertThat(place.path("environments").path("running").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(find(functions, "id", "MailFn").path("sampleEvents"))
                .extracting(JsonNode::asText)
                .containsExactly("MailFn/order-placed.json", "direct.json");
        assertThat(text("api/functions/MailFn/events/MailFn/order-placed.json")).contains("from-sample");
    }

    @Test
    void invoke_withToken_runsTheFunctionAndTracesIt() throws Exception {
        String sample = text("api/functions/MailFn/events/MailFn/order-placed.json");
        HttpResponse<String> r = post("api/functions/MailFn/invoke", sample, token(), null);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode outcome = JSON.readTree(r.body());
        assertThat(outcome.path("succeeded").asBoolean()).isTrue();
        assertThat(outcome.path("correlationId").asText()).isEqualTo("corr-sample");
        assertThat(outcome.path("payload").path("mailed").asText()).isEqualTo("from-sample");
        Eventually.waitUntil(
                Duration.ofSeconds(10),
                "the sample's mail in its trace",
                () -> kinds("corr-sample").contains("MAIL"));
    }

    @Test
    void actions_withoutOrWithWrongTokenOrForeignOrigin_refused() throws Exception {
        HttpResponse<String> none = post("api/functions/MailFn/invoke", "{}", null, null);
        HttpResponse<String> wrong = post("api/functions/MailFn/invoke", "{}", "0".repeat(32), null);
        HttpResponse<String> foreign = post("api/functions/MailFn/invoke", "{}", token(), "http://evil.example");
        HttpResponse<String> redrive = post("api/failures/async/0/redrive", "", null, null);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(none.body()).path("detail").asText()).contains("X-Bricks-Console-Token");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(redrive.statusCode()).isEqualTo(401);
        for (HttpResponse<String> r : List.of(none, wrong, foreign, redrive)) {
            assertThat(r.headers().map().keySet())
                    .noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
        }
    }

    @Test
    void reads_fromForeignOriginOrHost_refused() throws Exception {
        HttpResponse<String> foreign = HTTP.send(
                HttpRequest.newBuilder(ConsoleTestApp.console().resolve("api/traces"))
                        .header("Origin", "http://evil.example")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> crossSite = HTTP.send(
                HttpRequest.newBuilder(ConsoleTestApp.console().resolve("api/traces"))
                        .header("Sec-Fetch-Site", "cross-site")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> options = HTTP.send(
                HttpRequest.newBuilder(ConsoleTestApp.console().resolve("api/traces"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://evil.example")
                        .header("Access-Control-Request-Method", "POST")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).doesNotContain("corr-chain-1");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(options.statusCode()).isEqualTo(403);
        assertThat(options.headers().map().keySet())
                .noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
        assertThat(rawGet("evil.example:" + ConsoleTestApp.console().getPort())).startsWith("HTTP/1.1 421");
        assertThat(rawGet("127.0.0.1:" + ConsoleTestApp.console().getPort())).startsWith("HTTP/1.1 200");
    }

    @Test
    void data_tablesBucketsMailsBusAndFailures() throws Exception {
        JsonNode byKey = get("api/tables/" + ConsoleTestApp.TABLE + "?key=o-1");
        assertThat(byKey.path("partitionKey").asText()).isEqualTo("pk");
        assertThat(byKey.path("items")).hasSize(1);
        assertThat(byKey.path("items").get(0).path("_correlation_id").asText()).isEqualTo("corr-chain-1");
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(app.endpoints().dynamoDb())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .build()) {
            dynamo.putItem(b -> b.tableName(ConsoleTestApp.TABLE)
                    .item(Map.of("pk", AttributeValue.fromS("sdk-1"), "n", AttributeValue.fromN("42"))));
        }
        assertThat(get("api/tables/" + ConsoleTestApp.TABLE + "?key=sdk-1")
                        .path("items")
                        .get(0)
                        .path("n")
                        .asInt())
                .isEqualTo(42);
        assertThat(get("api/tables/" + ConsoleTestApp.TABLE + "?limit=1").path("items"))
                .hasSize(1);
        for (String bad : List.of("abc", "0", "-3")) {
            HttpResponse<String> refused = send("api/tables/" + ConsoleTestApp.TABLE + "?limit=" + bad);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).path("detail").asText())
                    .contains("limit")
                    .contains(bad);
        }

        try (S3Client s3 = S3Client.builder()
                .endpointOverride(app.endpoints().s3())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .build()) {
            s3.putObject(
                    b -> b.bucket("uploads").key("docs/a b.txt").metadata(Map.of("correlation-id", "corr-s3-1")),
                    RequestBody.fromString("hello from s3"));
        }
        assertThat(get("api/buckets/uploads/objects").findValuesAsText("key")).contains("docs/a b.txt");
        assertThat(text("api/buckets/uploads/objects/docs/a%20b.txt")).isEqualTo("hello from s3");
        Eventually.waitUntil(
                Duration.ofSeconds(10),
                "the object's trace",
                () -> kinds("corr-s3-1").equals(List.of("S3_OBJECT")));

        JsonNode mails = get("api/mails");
        JsonNode mail = find(mails, "subject", "Order o-1");
        assertThat(mail.path("correlationId").asText()).isEqualTo("corr-chain-1");
        JsonNode whole = get("api/mails/" + mail.path("messageId").asText());
        assertThat(whole.path("text").asText()).isEqualTo("Thanks for order o-1");
        assertThat(whole.path("html").asText()).isEqualTo("<p>Thanks for order <b>o-1</b></p>");

        JsonNode event = find(get("api/bus"), "correlationId", "corr-chain-1");
        assertThat(event.path("detailType").asText()).isEqualTo("OrderPlaced");
        assertThat(event.path("function").asText()).isEqualTo("MailFn");

        JsonNode failures = get("api/failures");
        assertThat(failures.path("async").isArray()).isTrue();
        assertThat(failures.path("streams").isArray()).isTrue();
        assertThat(post("api/failures/async/99/redrive", "", token(), null).statusCode())
                .isEqualTo(404);
        assertThat(get404("api/tables/nope").path("detail").asText()).isEqualTo("No table 'nope' in the template");
    }

    @Test
    void failures_asyncTargetFailsThreeTimes_deadLetterListedAndRedriven() throws Exception {
        try (EventBridgeClient events = EventBridgeClient.builder()
                .endpointOverride(app.endpoints().eventBridge())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .build()) {
            events.putEvents(b -> b.entries(e -> e.eventBusName("orders")
                    .source("orders.app")
                    .detailType("OrderPlaced")
                    .detail("{\"orderId\":\"fail-me\",\"_correlation_id\":\"corr-fail\"}")));
        }
        Eventually.waitUntil(Duration.ofSeconds(60), "a dead letter of MailFn", () -> {
            try {
                return get("api/failures").path("async").size() > 0;
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        JsonNode letter = get("api/failures").path("async").get(0);
        assertThat(letter.path("function").asText()).isEqualTo("MailFn");
        assertThat(letter.path("attempts").asInt()).isEqualTo(3);
        assertThat(letter.path("event").path("detail").path("_correlation_id").asText())
                .isEqualTo("corr-fail");
        Eventually.waitUntil(
                Duration.ofSeconds(10),
                "three failed invocations in trace corr-fail",
                () -> invocations("corr-fail") == 3);
        assertThat(ids(get("api/traces?q=corr-fail%20error"))).containsExactly("corr-fail");

        HttpResponse<String> redrive =
                post("api/failures/async/" + letter.path("index").asInt() + "/redrive", "", token(), null);

        assertThat(redrive.statusCode()).as(redrive.body()).isEqualTo(202);
        Eventually.waitUntil(
                Duration.ofSeconds(30),
                "the redriven event invoked again",
                () -> kinds("corr-fail").stream().filter("INVOCATION"::equals).count() > 3);
    }

    // ---- helpers ----

    private static long invocations(String correlationId) {
        return kinds(correlationId).stream().filter("INVOCATION"::equals).count();
    }

    private static long notFoundCount() {
        try {
            return ids(get("api/traces?q=404%20/no/such/route")).size();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static String token() {
        return app.console().orElseThrow().token();
    }

    private static List<String> kinds(String correlationId) {
        try {
            HttpResponse<String> r = send("api/traces/" + correlationId);
            if (r.statusCode() != 200) {
                return List.of();
            }
            return JSON.readTree(r.body()).path("steps").findValuesAsText("kind");
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> ids(JsonNode list) {
        return StreamSupport.stream(list.path("items").spliterator(), false)
                .map(t -> t.path("id").asText())
                .toList();
    }

    private static JsonNode step(JsonNode trace, String kind) {
        return StreamSupport.stream(trace.path("steps").spliterator(), false)
                .filter(s -> s.path("kind").asText().equals(kind))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " step in " + trace.path("id")));
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(n -> n.path(field).asText().equals(value))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + "=" + value + " in " + array));
    }

    private static HttpResponse<String> send(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(ConsoleTestApp.console().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
        return r;
    }

    private static String text(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = send(path);
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        return r.body();
    }

    private static JsonNode get(String path) throws IOException, InterruptedException {
        return JSON.readTree(text(path));
    }

    private static JsonNode get404(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = send(path);
        assertThat(r.statusCode()).isEqualTo(404);
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> post(String path, String body, String token, String origin)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(ConsoleTestApp.console().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("X-Bricks-Console-Token", token);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of the trace list with a chosen Host header (the JDK client will not send a foreign one). */
    private static String rawGet(String host) throws IOException {
        URI console = ConsoleTestApp.console();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), console.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /_bricks/api/status HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
