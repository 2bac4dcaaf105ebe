package dev.bricks.observability.logback;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static net.logstash.logback.argument.StructuredArguments.value;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.observability.LogFields;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.logstash.logback.marker.LogstashMarker;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.MarkerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * {@link JsonLineEncoder} against {@link BricksJsonEncoder} (logstash-logback-encoder's composite encoder with
 * Bricks' providers) on the same logback events: byte for byte the same line, for every kind of field.
 */
class JsonLineEncoderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoggerContext context = contextWithEmptyMdc();
    private final JsonLineEncoder lineEncoder = started(new JsonLineEncoder());
    private final BricksJsonEncoder logstashEncoder = started(new BricksJsonEncoder());

    record Item(String sku, int quantity, List<String> tags) {}

    private static LoggerContext contextWithEmptyMdc() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // events without their own MDC map get an empty one
        return context;
    }

    private <E extends Encoder<?>> E started(E encoder) {
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    @AfterEach
    void stop() {
        lineEncoder.stop();
        logstashEncoder.stop();
        context.stop();
    }

    private LoggingEvent event(String message, Throwable throwable, Object... arguments) {
        LoggingEvent event = new LoggingEvent(
                JsonLineEncoderTest.class.getName(),
                context.getLogger("orders.PlaceOrder"),
                Level.INFO,
                message,
                throwable,
                arguments.length == 0 ? null : arguments);
        return event;
    }

    private String line(LoggingEvent event) {
        return new String(lineEncoder.encode(event), StandardCharsets.UTF_8);
    }

    private String logstashLine(LoggingEvent event) {
        return new String(logstashEncoder.encode(event), StandardCharsets.UTF_8);
    }

    static Stream<Arguments> events() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("plain message", (Consumer<LoggingEvent>) e -> {}));
        cases.add(Arguments.of("invocation MDC and extra MDC", (Consumer<LoggingEvent>) e -> {
            Map<String, String> mdc = new LinkedHashMap<>();
            mdc.put(LogFields.FUNCTION_ARN, "arn:aws:lambda:eu-west-1:123456789012:function:orders-fn");
            mdc.put(LogFields.FUNCTION_REQUEST_ID, "req-1");
            mdc.put(LogFields.COLD_START, "true");
            mdc.put(LogFields.CORRELATION_ID, "corr-1");
            mdc.put(LogFields.XRAY_TRACE_ID, "1-67890abc-0123456789abcdef01234567");
            mdc.put(LogFields.DEBUG_SAMPLED, "true");
            mdc.put("tenant", "acme");
            mdc.put("region", "eu-west-1");
            e.setMDCPropertyMap(mdc);
        }));
        cases.add(Arguments.of("key-values of every simple type, a record, a map, a list and a null", (Consumer<
                        LoggingEvent>)
                e -> {
                    e.addKeyValuePair(new KeyValuePair("orderId", "o-42"));
                    e.addKeyValuePair(new KeyValuePair("itemCount", 3));
                    e.addKeyValuePair(new KeyValuePair("total", 19.99));
                    e.addKeyValuePair(new KeyValuePair("big", new java.math.BigDecimal("12345678901234567890.5")));
                    e.addKeyValuePair(new KeyValuePair("paid", true));
                    e.addKeyValuePair(new KeyValuePair("item", new Item("sku-1", 2, List.of("a", "b"))));
                    e.addKeyValuePair(new KeyValuePair("attributes", Map.of("colour", "red")));
                    e.addKeyValuePair(new KeyValuePair("skus", List.of("sku-1", "sku-2")));
                    e.addKeyValuePair(new KeyValuePair("nothing", null));
                }));
        cases.add(Arguments.of("escaping in message, MDC and key-values", (Consumer<LoggingEvent>) e -> {
            e.setMDCPropertyMap(Map.of("quote\"key", "line\nbreak\ttab \u0001 \u2028 ü €"));
            e.addKeyValuePair(new KeyValuePair("path", "C:\\orders\\\"x\"</script>"));
        }));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void encode_sameEvent_sameLineAsTheLogstashEncoder(String name, Consumer<LoggingEvent> setUp) {
        LoggingEvent event = event("order \"o-42\" placed\n\tfor ü €", null);
        setUp.accept(event);
        assertThat(line(event)).isEqualTo(logstashLine(event));
    }

    @Test
    void encode_structuredArguments_topLevelFieldsAsLogstashWritesThem() throws Exception {
        LoggingEvent event = event(
                "order {} for {} with {}",
                null,
                kv("orderId", "o-42"),
                value("userId", "u-1"),
                kv("item", new Item("sku-1", 1, List.of())),
                "plain",
                7);
        String line = line(event);
        assertThat(line).isEqualTo(logstashLine(event));
        JsonNode json = JSON.readTree(line);
        assertThat(json.get("message").asText())
                .isEqualTo("order orderId=o-42 for u-1 with item=Item[sku=sku-1, quantity=1, tags=[]]");
        assertThat(json.get("orderId").asText()).isEqualTo("o-42");
        assertThat(json.get("userId").asText()).isEqualTo("u-1");
        assertThat(json.get("item").get("sku").asText()).isEqualTo("sku-1");
        assertThat(json.has("plain")).isFalse();
    }

    @Test
    void encode_markers_logstashMarkersAndTheirReferencesWritten() throws Exception {
        LogstashMarker marker = Markers.append("orderId", "o-42").and(Markers.appendRaw("event", "{\"a\":[1,2]}"));
        org.slf4j.Marker plain = MarkerFactory.getDetachedMarker("AUDIT");
        plain.add(Markers.append("nested", Map.of("k", 1)));
        LoggingEvent event = event("marked", null);
        event.addMarker(marker);
        event.addMarker(plain);
        String line = line(event);
        assertThat(line).isEqualTo(logstashLine(event));
        JsonNode json = JSON.readTree(line);
        assertThat(json.get("orderId").asText()).isEqualTo("o-42");
        assertThat(json.get("event").get("a").get(1).asInt()).isEqualTo(2);
        assertThat(json.get("nested").get("k").asInt()).isEqualTo(1);
    }

    @Test
    void encode_exceptionWithCause_classMessageAndWholeStackTrace() throws Exception {
        IllegalStateException failure = new IllegalStateException(
                "could not place \"o-42\"", new java.io.UncheckedIOException(new java.io.IOException("socket closed")));
        LoggingEvent event = event("failed", failure);
        String line = line(event);
        assertThat(line).isEqualTo(logstashLine(event));
        JsonNode json = JSON.readTree(line);
        assertThat(json.get("exception_class").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json.get("exception_message").asText()).isEqualTo("could not place \"o-42\"");
        String stack = json.get("stack_trace").asText();
        assertThat(stack)
                .startsWith("java.lang.IllegalStateException: could not place \"o-42\"")
                .contains("\tat " + JsonLineEncoderTest.class.getName())
                .contains("Caused by: java.io.UncheckedIOException: java.io.IOException: socket closed")
                .contains("Caused by: java.io.IOException: socket closed");
    }

    @Test
    void encode_exceptionWithoutMessage_noMessageField() throws Exception {
        LoggingEvent event = event("failed", new NullPointerException());
        String line = line(event);
        assertThat(line).isEqualTo(logstashLine(event));
        JsonNode json = JSON.readTree(line);
        assertThat(json.get("exception_class").asText()).isEqualTo("java.lang.NullPointerException");
        assertThat(json.has("exception_message")).isFalse();
    }

    @Test
    void encode_everyField_inDocumentedOrderAndOneLine() throws Exception {
        LoggingEvent event = event("hello", new RuntimeException("m"));
        event.setMDCPropertyMap(Map.of(
                LogFields.FUNCTION_REQUEST_ID,
                "req-1",
                LogFields.COLD_START,
                "false",
                LogFields.CORRELATION_ID,
                "corr-1",
                "tenant",
                "acme"));
        event.addKeyValuePair(new KeyValuePair("k", "v"));
        String line = line(event);
        assertThat(line).endsWith(System.lineSeparator());
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = JSON.readTree(line);
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .containsSubsequence(
                        "timestamp",
                        "level",
                        "message",
                        "logger",
                        "thread",
                        "function_request_id",
                        "cold_start",
                        "correlation_id",
                        "tenant",
                        "k",
                        "exception_class",
                        "exception_message",
                        "stack_trace");
        assertThat(json.get("timestamp").asText()).isEqualTo(IsoTimestamp.format(event.getTimeStamp()));
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("logger").asText()).isEqualTo("orders.PlaceOrder");
        assertThat(json.get("thread").asText()).isEqualTo(Thread.currentThread().getName());
        assertThat(json.get("cold_start").isBoolean()).isTrue();
        assertThat(json.get("cold_start").asBoolean()).isFalse();
    }

    @Test
    void start_addsTheTurboFilterOnce() {
        JsonLineEncoder another = started(new JsonLineEncoder());
        assertThat(context.getTurboFilterList())
                .filteredOn(f -> f instanceof BricksTurboFilter)
                .hasSize(1);
        another.stop();
    }
}
