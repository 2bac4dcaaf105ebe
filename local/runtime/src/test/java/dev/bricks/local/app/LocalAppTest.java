package dev.bricks.local.app;

import static dev.bricks.local.app.fixtures.AppClients.CREDENTIALS;
import static dev.bricks.local.app.fixtures.AppClients.dynamo;
import static dev.bricks.local.app.fixtures.AppClients.eventBridge;
import static dev.bricks.local.app.fixtures.AppClients.get;
import static dev.bricks.local.app.fixtures.Eventually.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.local.app.fixtures.AppClients;
import dev.bricks.local.app.fixtures.TestFunctionZips;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** One function per trigger kind, run from a SAM template through {@link LocalApp}, driven by real clients. */
class LocalAppTest {

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              RecordDir: {Type: String}
              Stage: {Type: String, Default: test}
            Globals:
              Function:
                Runtime: java17
                CodeUri: fn.zip
                Handler: dev.bricks.local.app.fixtures.RecordingHandler::handleRequest
                MemorySize: 256
                Timeout: 20
                Tracing: Active
            Resources:
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: !Sub "orders-${Stage}"
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions:
                    - {AttributeName: pk, AttributeType: S}
                    - {AttributeName: status, AttributeType: S}
                  KeySchema: [{AttributeName: pk, KeyType: HASH}]
                  GlobalSecondaryIndexes:
                    - IndexName: byStatus
                      KeySchema: [{AttributeName: status, KeyType: HASH}]
                      Projection: {ProjectionType: ALL}
                  StreamSpecification: {StreamViewType: NEW_IMAGE}
                  TimeToLiveSpecification: {AttributeName: expiresAt, Enabled: true}
              Uploads:
                Type: AWS::S3::Bucket
                Properties: {BucketName: uploads}
              OrdersBus:
                Type: AWS::Events::EventBus
                Properties: {Name: orders}
              Queue:
                Type: AWS::Logs::LogGroup
              HttpFn:
                Type: AWS::Serverless::Function
                Properties:
                  Environment: {Variables: {RECORD_DIR: !Sub "${RecordDir}/http"}}
                  Events:
                    Hello: {Type: HttpApi, Properties: {Path: "/hello/{name}", Method: GET}}
                    Legacy: {Type: Api, Properties: {Path: "/rest/{proxy+}", Method: ANY}}
              StreamFn:
                Type: AWS::Serverless::Function
                Properties:
                  Environment: {Variables: {RECORD_DIR: !Sub "${RecordDir}/stream"}}
                  Events:
                    Changes:
                      Type: DynamoDB
                      Properties: {Stream: !GetAtt Orders.StreamArn, StartingPosition: TRIM_HORIZON, BatchSize: 10}
              RuleFn:
                Type: AWS::Serverless::Function
                Properties:
                  Environment: {Variables: {RECORD_DIR: !Sub "${RecordDir}/rule"}}
                  Events:
                    Placed:
                      Type: EventBridgeRule
                      Properties:
                        EventBusName: !Ref OrdersBus
                        Pattern: {source: [orders.app], detail-type: [OrderPlaced]}
              S3Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Environment: {Variables: {RECORD_DIR: !Sub "${RecordDir}/s3"}}
                  Events:
                    Uploaded:
                      Type: S3
                      Properties:
                        Bucket: !Ref Uploads
                        Events: s3:ObjectCreated:*
                        Filter: {S3Key: {Rules: [{Name: prefix, Value: "in/"}]}}
              InfoFn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.bricks.local.app.fixtures.InfoHandler::handleRequest
                  Environment: {Variables: {APP_TABLE: !Ref Orders, APP_OVERRIDDEN: template}}
                  Events:
                    Info: {Type: HttpApi, Properties: {Path: /info, Method: GET}}
            Outputs:
              TableName: {Value: !Ref Orders}
              BusArn: {Value: !GetAtt OrdersBus.Arn}
            """;

    static final Path DIR = tempDir();
    static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final LocalAppExtension APP = LocalAppExtension.of(
            template(DIR),
            LocalAppOptions.builder()
                    .parameterOverride("RecordDir", DIR.resolve("records").toString())
                    .environmentOverride("InfoFn", "APP_OVERRIDDEN", "env-vars")
                    .logs(new PrintStream(LOG, true, StandardCharsets.UTF_8))
                    .colour(false)
                    .build());

    static Path tempDir() {
        return AppClients.tempDirWithRecords("bricks-local-app", "http", "stream", "rule", "s3");
    }

    static Path template(Path dir) {
        TestFunctionZips.write(dir.resolve("fn.zip"), "v1");
        return AppClients.writeTemplate(dir, TEMPLATE);
    }

    private static List<String> records(String kind) {
        return AppClients.records(DIR.resolve("records").resolve(kind));
    }

    @Test
    void httpApiRoute_invokesFunctionWithPayload20Event(LocalApp app) throws Exception {
        HttpResponse<String> r = get(app.url("/hello/Ada?x=1"));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode event = JSON.readTree(r.body());
        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("rawPath").asText()).isEqualTo("/hello/Ada");
        assertThat(event.path("pathParameters").path("name").asText()).isEqualTo("Ada");
        assertThat(event.path("requestContext").path("routeKey").asText()).isEqualTo("GET /hello/{name}");
    }

    @Test
    void restRoute_invokesFunctionWithPayload10Event(LocalApp app) throws Exception {
        HttpResponse<String> r = get(app.url("/rest/a/b"));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode event = JSON.readTree(r.body());
        assertThat(event.path("resource").asText()).isEqualTo("/rest/{proxy+}");
        assertThat(event.path("pathParameters").path("proxy").asText()).isEqualTo("a/b");
    }

    @Test
    void unknownRoute_answers404AsHttpApi(LocalApp app) throws Exception {
        HttpResponse<String> r = get(app.url("/nope"));

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("{\"message\":\"Not Found\"}");
    }

    @Test
    void dynamoDbStream_insertedItemReachesTheStreamFunction(Endpoints endpoints) {
        try (DynamoDbClient dynamo = dynamo(endpoints)) {
            dynamo.putItem(b -> b.tableName("orders-test")
                    .item(Map.of("pk", AttributeValue.fromS("order-1"), "status", AttributeValue.fromS("NEW"))));
        }

        waitUntil(
                Duration.ofSeconds(60),
                "stream record delivered",
                () -> !records("stream").isEmpty());
        assertThat(records("stream").get(0)).contains("\"eventName\":\"INSERT\"", "order-1", "aws:dynamodb");
    }

    @Test
    void eventBridgeRule_matchingEventReachesTheRuleFunction(Endpoints endpoints) {
        try (EventBridgeClient events = eventBridge(endpoints)) {
            events.putEvents(b -> b.entries(e -> e.eventBusName("orders")
                    .source("orders.app")
                    .detailType("OrderPlaced")
                    .detail("{\"orderId\":\"o-7\"}")));
        }

        waitUntil(
                Duration.ofSeconds(60),
                "rule target invoked",
                () -> !records("rule").isEmpty());
        assertThat(records("rule").get(0)).contains("\"detail-type\":\"OrderPlaced\"", "o-7");
    }

    @Test
    void s3Upload_keyWithSpaceAndNonAscii_notifiesTheS3Function(Endpoints endpoints) {
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(endpoints.s3())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            s3.putObject(b -> b.bucket("uploads").key("in/my photo été.txt"), RequestBody.fromString("hello"));
            s3.putObject(b -> b.bucket("uploads").key("out/ignored.txt"), RequestBody.fromString("no"));
        }

        waitUntil(
                Duration.ofSeconds(60),
                "S3 notification delivered",
                () -> !records("s3").isEmpty());
        assertThat(records("s3"))
                .singleElement()
                .asString()
                .contains("\"key\":\"in/my+photo+%C3%A9t%C3%A9.txt\"", "\"size\":5", "ObjectCreated:Put");
    }

    @Test
    void sesSendEmail_isCapturedAndListed(Endpoints endpoints) throws Exception {
        try (SesV2Client ses = SesV2Client.builder()
                .endpointOverride(endpoints.ses())
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            ses.sendEmail(b -> b.fromEmailAddress("shop@example.com")
                    .destination(d -> d.toAddresses("ada@example.com"))
                    .content(c -> c.simple(
                            m -> m.subject(s -> s.data("Your order")).body(body -> body.text(t -> t.data("Thanks"))))));
        }

        HttpResponse<String> listed = get(endpoints.ses().resolve("/_bricks/ses/emails"));
        assertThat(listed.body()).contains("ada@example.com", "Your order");
        assertThat(LOG.toString(StandardCharsets.UTF_8)).contains("ses | ").contains("Your order");
    }

    @Test
    void functionEnvironment_hasTemplateVariablesLocalEndpointsAndEnvVarsOverrides(LocalApp app) throws Exception {
        JsonNode env = JSON.readTree(get(app.url("/info")).body()).path("env");

        Endpoints e = app.endpoints();
        assertThat(env.path("APP_TABLE").asText()).isEqualTo("orders-test");
        assertThat(env.path("APP_OVERRIDDEN").asText()).isEqualTo("env-vars");
        assertThat(env.path("AWS_ENDPOINT_URL_DYNAMODB").asText())
                .isEqualTo(e.dynamoDb().toString());
        assertThat(env.path("AWS_ENDPOINT_URL_EVENTBRIDGE").asText())
                .isEqualTo(e.eventBridge().toString());
        assertThat(env.path("AWS_ENDPOINT_URL_S3").asText()).isEqualTo(e.s3().toString());
        assertThat(env.path("AWS_ENDPOINT_URL_SESV2").asText())
                .isEqualTo(e.ses().toString());
        assertThat(env.path("AWS_REGION").asText()).isEqualTo("us-east-1");
        assertThat(env.path("AWS_ACCESS_KEY_ID").asText()).isNotBlank();
    }

    @Test
    void tables_createdWithKeysIndexesStreamAndTtl(Endpoints endpoints) {
        try (DynamoDbClient dynamo = dynamo(endpoints)) {
            TableDescription t =
                    dynamo.describeTable(b -> b.tableName("orders-test")).table();
            assertThat(t.globalSecondaryIndexes())
                    .extracting(g -> g.indexName())
                    .containsExactly("byStatus");
            assertThat(t.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_IMAGE");
            assertThat(dynamo.describeTimeToLive(b -> b.tableName("orders-test"))
                            .timeToLiveDescription()
                            .attributeName())
                    .isEqualTo("expiresAt");
        }
    }

    @Test
    void startupTable_listsEndpointsRoutesTriggersOutputsAndWhatIsNotSimulated(LocalApp app) {
        String table = app.startupTable();

        assertThat(table)
                .contains(
                        "API",
                        app.endpoints().api().toString().replaceAll("/$", ""),
                        "DynamoDB",
                        "EventBridge",
                        "S3",
                        "SES",
                        "GET /hello/{name}",
                        "→ HttpFn",
                        "ANY /rest/{proxy+}",
                        "GET /info",
                        "stream orders-test",
                        "→ StreamFn",
                        "rule orders/",
                        "→ RuleFn",
                        "bucket uploads",
                        "→ S3Fn",
                        "TableName",
                        "orders-test",
                        "arn:aws:events:us-east-1:000000000000:event-bus/orders",
                        "Not simulated:",
                        "AWS::Logs::LogGroup: Queue",
                        "Tracing (AWS::Serverless::Function): HttpFn, StreamFn, RuleFn, S3Fn, InfoFn");
        assertThat(table).startsWith("bricks-local: " + DIR.resolve("template.yaml") + " ready in ");
        assertThat(app.outputs()).containsEntry("TableName", "orders-test");
    }
}
