package dev.bricks.local.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.local.eventbridge.LocalEventBridge;
import dev.bricks.local.fixtures.RecordingHandler;
import dev.bricks.local.fixtures.TestApp;
import dev.bricks.local.functions.AsyncDeadLetter;
import dev.bricks.local.functions.AsyncInvokeConfig;
import dev.bricks.local.functions.AsyncInvoker;
import dev.bricks.local.functions.FunctionEnvironments;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

class EventBridgeLambdaTargetsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    static final List<String> lines = new CopyOnWriteArrayList<>();
    static FunctionEnvironments functions;
    static AsyncInvoker async;
    static LocalEventBridge bus;
    static EventBridgeLambdaTargets targets;
    static EventBridgeClient client;

    @BeforeAll
    static void startAll() {
        functions = TestApp.environments(
                TestApp.function(dir, "Shipper", RecordingHandler.class, Map.of()),
                TestApp.function(dir, "Broken", RecordingHandler.class, Map.of("FAIL", "true")),
                TestApp.function(dir, "Shaped", RecordingHandler.class, Map.of()),
                TestApp.function(dir, "Custom", RecordingHandler.class, Map.of()));
        async = new AsyncInvoker(
                functions, AsyncInvokeConfig.LOCAL_DEFAULT.withFirstRetryDelay(Duration.ofMillis(100)), lines::add);
        bus = LocalEventBridge.builder().build().start();
        targets = new EventBridgeLambdaTargets(bus, async);
        client = EventBridgeClient.builder()
                .endpointOverride(bus.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stopAll() {
        client.close();
        targets.close();
        bus.close();
        async.close();
        functions.close();
    }

    private static void put(String detailType, String detail) {
        assertThat(client.putEvents(b -> b.entries(e ->
                                e.source("orders.app").detailType(detailType).detail(detail)))
                        .failedEntryCount())
                .isZero();
    }

    @Test
    void addRule_matchingEvent_functionInvokedAsynchronouslyWithTheEnvelope() throws Exception {
        targets.addRule(new LambdaRuleConfig(
                "default", "ship-orders", "{\"detail-type\":[\"OrderPlaced\"]}", "Shipper", TargetInput.wholeEvent()));

        put("OrderPlaced", "{\"orderId\":\"o-1\"}");
        put("OrderCancelled", "{\"orderId\":\"o-2\"}");

        assertThat(TestApp.await(WAIT, () -> TestApp.events(dir, "Shipper").size() == 1))
                .isTrue();
        assertThat(bus.awaitDeliveries(WAIT)).isTrue();
        assertThat(async.awaitIdle(WAIT)).isTrue();
        List<String> events = TestApp.events(dir, "Shipper");
        assertThat(events).hasSize(1);
        JsonNode envelope = JSON.readTree(events.get(0));
        assertThat(envelope.path("version").asText()).isEqualTo("0");
        assertThat(envelope.path("source").asText()).isEqualTo("orders.app");
        assertThat(envelope.path("detail-type").asText()).isEqualTo("OrderPlaced");
        assertThat(envelope.path("detail").path("orderId").asText()).isEqualTo("o-1");
        assertThat(envelope.path("id").asText()).isNotBlank();
    }

    @Test
    void addRule_failingFunction_twoRetriesThenOneDeadLetterPrintedOnce() throws Exception {
        targets.addRule(new LambdaRuleConfig(
                "default",
                "broken-target",
                "{\"detail-type\":[\"PaymentFailed\"]}",
                "Broken",
                TargetInput.wholeEvent()));

        put("PaymentFailed", "{\"orderId\":\"o-9\"}");

        assertThat(TestApp.await(
                        WAIT,
                        () -> async.deadLetters().stream()
                                .anyMatch(d -> d.functionId().equals("Broken"))))
                .isTrue();
        assertThat(TestApp.events(dir, "Broken"))
                .hasSize(3)
                .allSatisfy(e -> assertThat(e).contains("\"orderId\":\"o-9\""));
        AsyncDeadLetter letter = async.deadLetters().stream()
                .filter(d -> d.functionId().equals("Broken"))
                .findFirst()
                .orElseThrow();
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.condition()).isEqualTo(AsyncDeadLetter.Condition.RetriesExhausted);
        assertThat(letter.errorType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(letter.lastResponse()).contains("failing on purpose");
        assertThat(letter.eventAsString()).contains("\"detail-type\":\"PaymentFailed\"");
        assertThat(lines)
                .filteredOn(l -> l.contains(letter.requestId()))
                .containsExactly("dead letter: Broken request " + letter.requestId()
                        + " after 3 attempts (RetriesExhausted): java.lang.IllegalStateException");
    }

    @Test
    void addRule_inputTransformerAndInputPath_functionGetsTheTransformedPayload() throws Exception {
        targets.addRule(
                new LambdaRuleConfig(
                        "default",
                        "shaped-transformer",
                        "{\"detail-type\":[\"Shaped\"]}",
                        "Shaped",
                        new TargetInput.Transformer(
                                Map.of("order", "$.detail.orderId", "total", "$.detail.total"),
                                "{\"order\": <order>, \"total\": <total>, \"text\": \"order <order> on <aws.events.rule-name>\"}")));
        targets.addRule(new LambdaRuleConfig(
                "default",
                "shaped-path",
                "{\"detail-type\":[\"Shaped\"]}",
                "Shaped",
                new TargetInput.Path("$.detail")));

        put("Shaped", "{\"orderId\":\"o-7\",\"total\":12.5}");

        assertThat(TestApp.await(WAIT, () -> TestApp.events(dir, "Shaped").size() == 2))
                .isTrue();
        List<JsonNode> payloads = TestApp.events(dir, "Shaped").stream()
                .map(EventBridgeLambdaTargetsTest::read)
                .toList();
        assertThat(payloads)
                .contains(
                        JSON.readTree("{\"orderId\":\"o-7\",\"total\":12.5}"),
                        JSON.readTree(
                                "{\"order\":\"o-7\",\"total\":12.5,\"text\":\"order o-7 on shaped-transformer\"}"));
    }

    @Test
    void addRule_customBus_onlyEventsPutOnThatBusReachTheFunction() throws Exception {
        targets.addRule(new LambdaRuleConfig(
                "orders-bus",
                "custom-bus-rule",
                "{\"detail-type\":[\"OnCustomBus\"]}",
                "Custom",
                new TargetInput.Path("$.detail")));

        client.putEvents(b -> b.entries(e -> e.eventBusName("orders-bus")
                .source("orders.app")
                .detailType("OnCustomBus")
                .detail("{\"bus\":\"orders\"}")));
        client.putEvents(b ->
                b.entries(e -> e.source("orders.app").detailType("OnCustomBus").detail("{\"bus\":\"default\"}")));

        assertThat(TestApp.await(WAIT, () -> TestApp.events(dir, "Custom").size() == 1))
                .isTrue();
        assertThat(bus.awaitDeliveries(WAIT)).isTrue();
        assertThat(async.awaitIdle(WAIT)).isTrue();
        assertThat(TestApp.events(dir, "Custom")).containsExactly("{\"bus\":\"orders\"}");
    }

    @Test
    void addRule_badInputPathOrPattern_refusedWithAClearMessage() {
        assertThatThrownBy(() -> new TargetInput.Path("$.detail[0]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("InputPath '$.detail[0]'");
        assertThatThrownBy(() -> targets.addRule(new LambdaRuleConfig(
                        "default", "bad pattern", "{not json", "Shipper", TargetInput.wholeEvent())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad pattern");
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
