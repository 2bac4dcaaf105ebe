package dev.bricks.local.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.bricks.local.app.LocalApp;
import dev.bricks.local.app.LocalAppOptions;
import dev.bricks.local.app.fixtures.Eventually;
import dev.bricks.local.app.fixtures.TestFunctionZips;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the console records of writes that carry no correlation id, against a running {@link LocalApp}: every
 * item write of a table without a stream (with its diff), every event put (matched by no rule), and objects and
 * mails, each in the trace of the invocation whose environment signed the request — exactly, with two
 * invocations in flight at once — and a write from outside the app unattributed, never guessed.
 */
class ConsoleAttributionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WRITES = Duration.ofSeconds(90);
    private static final StaticCredentialsProvider OUTSIDE =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDOUTSIDETEST", "secret"));
    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: java17
                CodeUri: fn.zip
                MemorySize: 512
                Timeout: 90
            Resources:
              Items:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: attr-items
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                  KeySchema: [{AttributeName: pk, KeyType: HASH}]
              Feed:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: attr-feed
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                  KeySchema: [{AttributeName: pk, KeyType: HASH}]
                  StreamSpecification: {StreamViewType: NEW_IMAGE}
              FeedFn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.bricks.local.app.fixtures.ChainHandler::handleRequest
                  Environment: {Variables: {TABLE: attr-feed, BUS: attr}}
                  Events:
                    Changes:
                      Type: DynamoDB
                      Properties: {Stream: !GetAtt Feed.StreamArn, StartingPosition: TRIM_HORIZON, BatchSize: 10}
              AttrBus:
                Type: AWS::Events::EventBus
                Properties: {Name: attr}
              Files:
                Type: AWS::S3::Bucket
                Properties: {BucketName: attr-files}
              AttrFn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.bricks.local.app.fixtures.AttributionHandler::handleRequest
                  Environment:
                    Variables: {TABLE: attr-items, FEED: attr-feed, BUS: attr, BUCKET: attr-files, PEERS: "2", RENDEZVOUS: "%s"}
                  Events:
                    Attr: {Type: HttpApi, Properties: {Path: "/attr/{name}", Method: POST}}
              RoutedFn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.bricks.local.app.fixtures.ChainHandler::handleRequest
                  Events:
                    Routed:
                      Type: EventBridgeRule
                      Properties:
                        EventBusName: !Ref AttrBus
                        Pattern: {source: [attr.app], detail-type: [Routed]}
            """;

    private static LocalApp app;
    private static Path rendezvous;

    @BeforeAll
    static void start() throws IOException {
        Path dir = Files.createTempDirectory("bricks-attribution");
        rendezvous = Files.createDirectories(dir.resolve("rendezvous"));
        TestFunctionZips.write(dir.resolve("fn.zip"), "v1", TestFunctionZips::sdkLibrary);
        Files.writeString(dir.resolve("template.yaml"), TEMPLATE.formatted(rendezvous));
        app = LocalApp.start(
                dir.resolve("template.yaml"),
                LocalAppOptions.builder()
                        .logs(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                        .colour(false)
                        .build());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void emptyRendezvous() throws IOException {
        try (Stream<Path> files = Files.list(rendezvous)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }

    @Test
    void writes_twoInvocationsInFlightAtOnce_eachInTheTraceOfTheInvocationThatSignedIt() throws Exception {
        CompletableFuture<HttpResponse<String>> alpha = attr("alpha");
        CompletableFuture<HttpResponse<String>> beta = attr("beta");
        assertThat(alpha.join().statusCode()).isEqualTo(200);
        assertThat(beta.join().statusCode()).isEqualTo(200);

        for (String name : List.of("alpha", "beta")) {
            String other = name.equals("alpha") ? "beta" : "alpha";
            String id = "attr-" + name;
            Eventually.waitUntil(
                    WRITES,
                    "every write of " + name + " in its trace",
                    () -> kinds(id).containsAll(List.of("S3_OBJECT", "MAIL", "ITEM_WRITE", "EVENT", "STREAM_BATCH"))
                            && functionsOf(id).contains("FeedFn"));
            JsonNode trace = get("api/traces/" + id);

            JsonNode object = only(trace, "S3_OBJECT");
            assertThat(object.path("key").asText()).isEqualTo("attr/" + name + ".txt");
            assertThat(object.path("attribution").asText()).isEqualTo("CALLER");
            JsonNode mail = only(trace, "MAIL");
            assertThat(mail.path("subject").asText()).isEqualTo("attr " + name);
            assertThat(mail.path("attribution").asText()).isEqualTo("CALLER");
            List<JsonNode> writes = details(trace, "ITEM_WRITE");
            assertThat(writes).allSatisfy(i -> {
                assertThat(i.path("keys").path("pk").path("S").asText()).isEqualTo(name);
                assertThat(i.path("attribution").asText()).isEqualTo("CALLER");
            });
            List<JsonNode> items = writes.stream()
                    .filter(i -> i.path("table").asText().equals("attr-items"))
                    .toList();
            assertThat(items).extracting(i -> i.path("eventName").asText()).containsExactly("INSERT", "MODIFY");
            // the stream record of a write with no _correlation_id joins the trace of the invocation that wrote it
            JsonNode feed = writes.stream()
                    .filter(i -> i.path("table").asText().equals("attr-feed"))
                    .findFirst()
                    .orElseThrow();
            assertThat(feed.path("sequenceNumber").asText()).isNotEmpty();
            assertThat(details(trace, "STREAM_BATCH"))
                    .anySatisfy(b -> assertThat(b.path("function").asText()).isEqualTo("FeedFn"));
            JsonNode update = items.get(1);
            assertThat(update.path("operation").asText()).isEqualTo("UpdateItem");
            assertThat(update.path("oldImage").path("v").path("N").asText()).isEqualTo("1");
            assertThat(update.path("newImage").path("v").path("N").asText()).isEqualTo("2");
            assertThat(update.path("diff").toString()).isEqualTo("{\"added\":[],\"removed\":[],\"changed\":[\"v\"]}");
            JsonNode event = only(trace, "EVENT");
            assertThat(event.path("unmatched").asBoolean()).isTrue();
            assertThat(event.path("rules")).isEmpty();
            assertThat(event.path("attribution").asText()).isEqualTo("CALLER");
            assertThat(event.path("event").path("detail").path("name").asText()).isEqualTo(name);
            assertThat(step(trace, "EVENT").path("title").asText())
                    .isEqualTo("event attr.app / Unrouted on attr matched no rule");
            assertThat(trace.toString()).doesNotContain("attr/" + other + ".txt", "attr " + other);
        }
        JsonNode bus = get("api/bus");
        for (String name : List.of("alpha", "beta")) {
            JsonNode event = find(bus, "correlationId", "attr-" + name);
            assertThat(event.path("unmatched").asBoolean()).isTrue();
            assertThat(event.path("bus").asText()).isEqualTo("attr");
        }
    }

    @Test
    void writes_fromOutsideTheAppWhileAnInvocationRuns_unattributedNotGuessed() throws Exception {
        CompletableFuture<HttpResponse<String>> gamma = attr("gamma");
        Eventually.waitUntil(WRITES, "gamma in flight", () -> Files.exists(rendezvous.resolve("gamma.started")));
        String eventId;
        try (S3Client s3 = S3Client.builder()
                        .endpointOverride(app.endpoints().s3())
                        .region(Region.US_EAST_1)
                        .forcePathStyle(true)
                        .credentialsProvider(OUTSIDE)
                        .build();
                DynamoDbClient dynamo = DynamoDbClient.builder()
                        .endpointOverride(app.endpoints().dynamoDb())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(OUTSIDE)
                        .build();
                EventBridgeClient events = EventBridgeClient.builder()
                        .endpointOverride(app.endpoints().eventBridge())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(OUTSIDE)
                        .build()) {
            s3.putObject(b -> b.bucket("attr-files").key("outside.txt"), RequestBody.fromString("outside"));
            dynamo.putItem(b -> b.tableName("attr-items").item(Map.of("pk", AttributeValue.fromS("outside"))));
            dynamo.putItem(b -> b.tableName("attr-items")
                    .item(Map.of(
                            "pk", AttributeValue.fromS("tagged"),
                            "_correlation_id", AttributeValue.fromS("corr-item-tagged"))));
            eventId = events.putEvents(b -> b.entries(PutEventsRequestEntry.builder()
                            .eventBusName("attr")
                            .source("attr.app")
                            .detailType("FromOutside")
                            .detail("{}")
                            .build()))
                    .entries()
                    .get(0)
                    .eventId();
        }
        Files.writeString(rendezvous.resolve("outside.started"), "");
        Files.writeString(rendezvous.resolve("outside.written"), "");
        assertThat(gamma.join().statusCode()).isEqualTo(200);

        assertThat(attributionOfLoneStep("s3-attr-files/outside.txt", "S3_OBJECT"))
                .isEqualTo("NONE");
        assertThat(attributionOfLoneStep(eventId, "EVENT")).isEqualTo("NONE");
        assertThat(attributionOfLoneStep("corr-item-tagged", "ITEM_WRITE")).isEqualTo("CORRELATION_ID");
        JsonNode untagged = find(
                get("api/traces?q=dynamodb-PutItem&limit=50").path("items"),
                "title",
                "insert item in attr-items {\"pk\":{\"S\":\"outside\"}}");
        assertThat(attributionOfLoneStep(untagged.path("id").asText(), "ITEM_WRITE"))
                .isEqualTo("NONE");
        Eventually.waitUntil(
                WRITES,
                "gamma's writes in its trace",
                () -> kinds("attr-gamma").containsAll(List.of("S3_OBJECT", "MAIL", "ITEM_WRITE", "EVENT")));
        assertThat(get("api/traces/attr-gamma").toString()).doesNotContain("outside", "FromOutside");
    }

    // ---- helpers ----

    private static CompletableFuture<HttpResponse<String>> attr(String name) {
        return HTTP.sendAsync(
                HttpRequest.newBuilder(app.url("/attr/" + name))
                        .header("x-correlation-id", "attr-" + name)
                        .timeout(Duration.ofSeconds(120))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits for the trace to hold exactly one step, of {@code kind}; its {@code detail.attribution}. */
    private static String attributionOfLoneStep(String traceId, String kind) throws Exception {
        Eventually.waitUntil(
                WRITES,
                "a lone " + kind + " in trace " + traceId,
                () -> kinds(traceId).equals(List.of(kind)));
        return only(get("api/traces/" + traceId), kind).path("attribution").asText();
    }

    private static List<String> kinds(String traceId) {
        return traceOrMissing(traceId).path("steps").findValuesAsText("kind");
    }

    private static List<String> functionsOf(String traceId) {
        List<String> out = new ArrayList<>();
        traceOrMissing(traceId).path("functions").forEach(f -> out.add(f.asText()));
        return out;
    }

    /** The trace, or a missing node while it is not recorded yet. */
    private static JsonNode traceOrMissing(String traceId) {
        try {
            HttpResponse<String> r =
                    HTTP.send(HttpRequest.newBuilder(console(traceId)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : MissingNode.getInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static URI console(String traceId) {
        return app.console().orElseThrow().url().resolve("api/traces/" + encode(traceId));
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JsonNode get(String path) throws IOException, InterruptedException {
        String p =
                path.startsWith("api/traces/") ? "api/traces/" + encode(path.substring("api/traces/".length())) : path;
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(app.console().orElseThrow().url().resolve(p))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s: %s", p, r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode step(JsonNode trace, String kind) {
        return StreamSupport.stream(trace.path("steps").spliterator(), false)
                .filter(s -> s.path("kind").asText().equals(kind))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " step in " + trace.path("id")));
    }

    private static List<JsonNode> details(JsonNode trace, String kind) {
        return StreamSupport.stream(trace.path("steps").spliterator(), false)
                .filter(s -> s.path("kind").asText().equals(kind))
                .map(s -> s.path("detail"))
                .toList();
    }

    /** The detail of the one step of that kind (fails when there are none or several). */
    private static JsonNode only(JsonNode trace, String kind) {
        List<JsonNode> all = details(trace, kind);
        assertThat(all).as("%s steps in %s", kind, trace.path("id")).hasSize(1);
        return all.get(0);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(n -> n.path(field).asText().equals(value))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + "=" + value + " in " + array));
    }
}
