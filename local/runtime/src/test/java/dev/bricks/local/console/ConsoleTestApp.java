package dev.bricks.local.console;

import dev.bricks.local.app.LocalApp;
import dev.bricks.local.app.LocalAppOptions;
import dev.bricks.local.app.fixtures.TestFunctionZips;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One order-flow app for the console's API and browser tests, started once per test JVM (three function JVMs
 * are the slow part) and stopped when the JVM exits: {@code POST /orders/{id}} → table → stream → bus → mail,
 * plus a bucket, sample events and a redaction path.
 */
final class ConsoleTestApp {

    static final String TABLE = "orders-console";
    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: java17
                CodeUri: fn.zip
                Handler: dev.bricks.local.app.fixtures.ChainHandler::handleRequest
                MemorySize: 256
                Timeout: 20
                Environment: {Variables: {TABLE: orders-console, BUS: orders}}
            Resources:
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: orders-console
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                  KeySchema: [{AttributeName: pk, KeyType: HASH}]
                  StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}
              OrdersBus:
                Type: AWS::Events::EventBus
                Properties: {Name: orders}
              Uploads:
                Type: AWS::S3::Bucket
                Properties: {BucketName: uploads}
              PlaceOrderFn:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    Place: {Type: HttpApi, Properties: {Path: "/orders/{id}", Method: POST}}
              PublishFn:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    Changes:
                      Type: DynamoDB
                      Properties: {Stream: !GetAtt Orders.StreamArn, StartingPosition: TRIM_HORIZON, BatchSize: 10}
              MailFn:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    Placed:
                      Type: EventBridgeRule
                      Properties:
                        EventBusName: !Ref OrdersBus
                        Pattern: {source: [orders.app], detail-type: [OrderPlaced]}
            """;

    static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static LocalApp app;

    private ConsoleTestApp() {}

    /** The running app (started on first use). */
    static synchronized LocalApp get() {
        if (app == null) {
            app = start();
            Runtime.getRuntime().addShutdownHook(new Thread(app::close, "console-test-app-stop"));
        }
        return app;
    }

    private static LocalApp start() {
        try {
            Path dir = Files.createTempDirectory("bricks-console");
            TestFunctionZips.write(dir.resolve("fn.zip"), "v1");
            Files.writeString(dir.resolve("template.yaml"), TEMPLATE);
            Path events = Files.createDirectories(dir.resolve("events/MailFn"));
            Files.writeString(events.resolve("order-placed.json"), """
                    {"id":"sample-1","source":"orders.app","detail-type":"OrderPlaced",
                     "detail":{"orderId":"from-sample","_correlation_id":"corr-sample"}}
                    """);
            Files.writeString(dir.resolve("events/direct.json"), "{\"hello\":\"console\"}");
            return LocalApp.start(
                    dir.resolve("template.yaml"),
                    LocalAppOptions.builder()
                            .logs(new PrintStream(LOG, true, StandardCharsets.UTF_8))
                            .colour(false)
                            .console(new ConsoleOptions(true, ConsoleLimits.defaults(), "body.card"))
                            .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The console's base address, {@code http://127.0.0.1:<port>/_bricks/}. */
    static URI console() {
        return get().console().orElseThrow().url();
    }

    /** POSTs an order through the API with a correlation id, an Authorization JWT and a card number in the body. */
    static HttpResponse<String> placeOrder(HttpClient http, String orderId, String correlationId)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(get().url("/orders/" + orderId))
                        .header("x-correlation-id", correlationId)
                        .header("Authorization", "Bearer " + ConsoleApiTest.JWT)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"card\":\"4111111111111111\",\"note\":\"token " + ConsoleApiTest.JWT + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
