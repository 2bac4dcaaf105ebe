package dev.bricks.local.app;

import static dev.bricks.local.app.fixtures.AppClients.dynamo;
import static dev.bricks.local.app.fixtures.AppClients.eventBridge;
import static dev.bricks.local.app.fixtures.AppClients.get;
import static dev.bricks.local.app.fixtures.Eventually.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.local.app.fixtures.AppClients;
import dev.bricks.local.app.fixtures.TestFunctionZips;
import dev.bricks.local.functions.FunctionInvoker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/** Fault injection of a running app, through real clients, real function JVMs and the real triggers. */
class FaultInjectionTest {

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              RecordDir: {Type: String}
            Globals:
              Function:
                Runtime: java17
                CodeUri: fn.zip
                Handler: dev.bricks.local.app.fixtures.RecordingHandler::handleRequest
                MemorySize: 256
                Timeout: 20
            Resources:
              Items:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: fault-items
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                  KeySchema: [{AttributeName: pk, KeyType: HASH}]
                  StreamSpecification: {StreamViewType: NEW_IMAGE}
              RuleFn:
                Type: AWS::Serverless::Function
                Properties:
                  Environment: {Variables: {RECORD_DIR: !Sub "${RecordDir}/rule"}}
                  Events:
                    Tests:
                      Type: EventBridgeRule
                      Properties: {Pattern: {source: [faults.test]}}
              FlakyFn:
                Type: AWS::Serverless::Function
                Properties:
                  Environment: {Variables: {RECORD_DIR: !Sub "${RecordDir}/flaky"}}
                  Events:
                    Get: {Type: HttpApi, Properties: {Path: "/flaky/{n}", Method: GET}}
              AfterFn:
                Type: AWS::Serverless::Function
                Properties:
                  Environment: {Variables: {RECORD_DIR: !Sub "${RecordDir}/after"}}
                  Events:
                    Get: {Type: HttpApi, Properties: {Path: "/after/{n}", Method: GET}}
              StreamFn:
                Type: AWS::Serverless::Function
                Properties:
                  Environment: {Variables: {RECORD_DIR: !Sub "${RecordDir}/stream"}}
                  Events:
                    Changes:
                      Type: DynamoDB
                      Properties: {Stream: !GetAtt Items.StreamArn, StartingPosition: TRIM_HORIZON, BatchSize: 1}
              TxFn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.bricks.local.app.fixtures.TransactingHandler::handleRequest
                  Environment: {Variables: {TABLE: !Ref Items}}
                  Events:
                    Get: {Type: HttpApi, Properties: {Path: "/tx/{id}", Method: GET}}
            """;

    static final Path DIR = tempDir();
    static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();

    @RegisterExtension
    static final LocalAppExtension APP = LocalAppExtension.of(
            template(DIR),
            LocalAppOptions.builder()
                    .parameterOverride("RecordDir", DIR.resolve("records").toString())
                    .logs(new PrintStream(LOG, true, StandardCharsets.UTF_8))
                    .colour(false)
                    .faultSeed(7)
                    .maxEventBridgeDeliveries(3)
                    .maxStreamDeliveries(3)
                    .failInvocations("FlakyFn", InvocationFailures.fraction(0.5))
                    .failInvocations(
                            "AfterFn",
                            InvocationFailures.when(event -> event.contains("/after/fail"))
                                    .at(FailurePoint.AFTER_HANDLER))
                    .failInvocations(
                            "RuleFn",
                            InvocationFailures.when(event -> event.contains("fail-async"))
                                    .at(FailurePoint.AFTER_HANDLER))
                    .build());

    static Path tempDir() {
        return AppClients.tempDirWithRecords("bricks-faults", "rule", "flaky", "after", "stream");
    }

    static Path template(Path dir) {
        TestFunctionZips.write(dir.resolve("fn.zip"), "v1", TestFunctionZips::sdkLibrary);
        return AppClients.writeTemplate(dir, TEMPLATE);
    }

    static List<String> records(String kind) {
        return AppClients.records(DIR.resolve("records").resolve(kind));
    }

    static long recordsContaining(String kind, String text) {
        return records(kind).stream().filter(r -> r.contains(text)).count();
    }

    @Test
    void maxEventBridgeDeliveries_eachEventReachesTheTarget1To3Times(Endpoints endpoints, FaultInjection faults) {
        int before = faults.duplicateEventBridgeDeliveries();
        try (EventBridgeClient events = eventBridge(endpoints)) {
            for (int i = 0; i < 8; i++) {
                String detail = "{\"dup\":\"d-" + i + "\"}";
                events.putEvents(b -> b.entries(PutEventsRequestEntry.builder()
                        .source("faults.test")
                        .detailType("Dup")
                        .detail(detail)
                        .build()));
            }
        }

        waitUntil(
                Duration.ofSeconds(90),
                "every copy delivered",
                () -> recordsContaining("rule", "\"dup\":\"d-")
                        == 8 + faults.duplicateEventBridgeDeliveries() - before);
        List<Long> perEvent = IntStream.range(0, 8)
                .mapToObj(i -> recordsContaining("rule", "\"dup\":\"d-" + i + "\""))
                .toList();
        assertThat(perEvent).allSatisfy(n -> assertThat(n).isBetween(1L, 3L));
        assertThat(perEvent.stream().mapToLong(Long::longValue).sum()).isGreaterThan(8);
    }

    @Test
    void maxStreamDeliveries_eachBatchReachesTheFunction1To3Times(Endpoints endpoints, FaultInjection faults) {
        try (DynamoDbClient dynamo = dynamo(endpoints)) {
            for (int i = 0; i < 6; i++) {
                String pk = "s-" + i;
                dynamo.putItem(b -> b.tableName("fault-items").item(Map.of("pk", AttributeValue.fromS(pk))));
            }
        }

        waitUntil(
                Duration.ofSeconds(90),
                "every item's record delivered",
                () -> IntStream.range(0, 6).allMatch(i -> recordsContaining("stream", "\"s-" + i + "\"") > 0));
        List<Long> perItem = IntStream.range(0, 6)
                .mapToObj(i -> recordsContaining("stream", "\"s-" + i + "\""))
                .toList();
        assertThat(perItem).allSatisfy(n -> assertThat(n).isBetween(1L, 3L));
        assertThat(faults.duplicateStreamDeliveries()).isPositive();
    }

    @Test
    void failInvocationsFraction_failsAboutThatShareBeforeTheHandlerAs500(LocalApp app, FaultInjection faults)
            throws Exception {
        int ok = 0;
        int failed = 0;
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = get(app.url("/flaky/" + i));
            if (r.statusCode() == 200) {
                ok++;
            } else {
                assertThat(r.statusCode()).isEqualTo(500);
                assertThat(r.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
                failed++;
            }
        }

        assertThat(failed).isBetween(3, 17).isEqualTo(faults.injectedFailures("FlakyFn"));
        assertThat(records("flaky")).hasSize(ok); // a failure before the handler: the function never saw it
        assertThat(LOG.toString(StandardCharsets.UTF_8))
                .contains("faults | invocation ", " of FlakyFn failed on purpose (before the handler)");
    }

    @Test
    void failInvocationsAfterHandler_handlerRanButCallerGetsTheFunctionError(LocalApp app) throws Exception {
        HttpResponse<String> failed = get(app.url("/after/fail-1"));
        HttpResponse<String> passed = get(app.url("/after/pass-1"));

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(passed.statusCode()).isEqualTo(200);
        assertThat(recordsContaining("after", "/after/fail-1")).isEqualTo(1);
        assertThat(recordsContaining("after", "/after/pass-1")).isEqualTo(1);
    }

    @Test
    void failInvocations_asyncTarget_isRetriedTwiceLikeAFunctionError(Endpoints endpoints, FaultInjection faults) {
        int before = faults.duplicateEventBridgeDeliveries();
        try (EventBridgeClient events = eventBridge(endpoints)) {
            events.putEvents(b -> b.entries(PutEventsRequestEntry.builder()
                    .source("faults.test")
                    .detailType("Async")
                    .detail("{\"case\":\"fail-async\"}")
                    .build()));
        }

        // each copy: the first attempt and Lambda's two asynchronous retries, each running the handler
        waitUntil(
                Duration.ofSeconds(90),
                "three attempts per delivered copy",
                () -> recordsContaining("rule", "fail-async")
                                == 3L * (1 + faults.duplicateEventBridgeDeliveries() - before)
                        && faults.injectedFailures("RuleFn") == recordsContaining("rule", "fail-async"));
    }

    @Test
    void killAfterNextTransactWrite_writeCommitsCallerGets500AndNextInvocationStartsANewJvm(
            LocalApp app, FaultInjection faults) throws Exception {
        var kill = faults.killAfterNextTransactWrite("TxFn");

        HttpResponse<String> killed = get(app.url("/tx/killed-1"));

        assertThat(killed.statusCode()).isEqualTo(500);
        KilledEnvironments k = kill.get(10, TimeUnit.SECONDS);
        assertThat(k.after().operation()).isEqualTo("TransactWriteItems");
        assertThat(k.after().tables()).containsExactly("fault-items");
        assertThat(k.processIds())
                .singleElement()
                .satisfies(pid -> assertThat(ProcessHandle.of(pid)
                                .map(ProcessHandle::isAlive)
                                .orElse(false))
                        .isFalse());
        try (DynamoDbClient dynamo = dynamo(app.endpoints())) {
            assertThat(dynamo.getItem(
                                    b -> b.tableName("fault-items").key(Map.of("pk", AttributeValue.fromS("killed-1"))))
                            .hasItem())
                    .as("the transaction committed before the kill")
                    .isTrue();
        }
        assertThat(LOG.toString(StandardCharsets.UTF_8)).contains("Runtime exited");

        HttpResponse<String> next = get(app.url("/tx/after-kill-1"));

        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("after-kill-1");
        assertThat(app.functions().coldStarts("TxFn")).isEqualTo(2);
        assertThat(app.functions().processIds("TxFn"))
                .doesNotContain(k.processIds().get(0));
    }

    @Test
    void killAfterNextWrite_unknownFunction_namesIt(FaultInjection faults) {
        assertThatThrownBy(() -> faults.killAfterNextWrite("NoSuchFn", "fault-items"))
                .isInstanceOf(FunctionInvoker.UnknownFunctionException.class)
                .hasMessageContaining("NoSuchFn");
    }
}
