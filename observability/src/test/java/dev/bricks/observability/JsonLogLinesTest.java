package dev.bricks.observability;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bricks.core.Correlation;
import dev.bricks.observability.internal.Settings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Real stdout from logback, configured by BricksLogbackConfigurator (no logback.xml on the test classpath). */
class JsonLogLinesTest {

    private static final Logger LOG = LoggerFactory.getLogger("orders.PlaceOrder");
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private static final String TRACE_1 = "Root=1-67890abc-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1";
    private static final String TRACE_2 = "Root=1-67890abd-fedcba9876543210fedcba98;Parent=53995c3f42cd8ad9;Sampled=0";
    private static final String TRACE_ID_1 = "1-67890abc-0123456789abcdef01234567";
    private static final String TRACE_ID_2 = "1-67890abd-fedcba9876543210fedcba98";

    private final ObservabilityListener listener = new ObservabilityListener(Settings.from(name -> null));

    @Test
    void logLine_insideInvocation_hasEveryDocumentedField() throws Exception {
        try (StdoutCapture out = new StdoutCapture()) {
            Invocations.run(
                    listener, Invocations.info("req-1", "corr-1", true, null), TRACE_1, () -> LOG.info("order placed"));
            List<JsonNode> lines = out.logLines();
            assertThat(lines).hasSize(1);
            JsonNode line = lines.get(0);
            assertThat(line.get("timestamp").asText()).matches(TIMESTAMP);
            assertThat(line.get("level").asText()).isEqualTo("INFO");
            assertThat(line.get("message").asText()).isEqualTo("order placed");
            assertThat(line.get("logger").asText()).isEqualTo("orders.PlaceOrder");
            assertThat(line.get("thread").asText())
                    .isEqualTo(Thread.currentThread().getName());
            assertThat(line.get("service").asText()).isEqualTo(Invocations.FUNCTION);
            assertThat(line.get("function_name").asText()).isEqualTo(Invocations.FUNCTION);
            assertThat(line.get("function_version").asText()).isEqualTo("$LATEST");
            assertThat(line.get("function_memory_size").isInt()).isTrue();
            assertThat(line.get("function_memory_size").asInt()).isEqualTo(512);
            assertThat(line.get("function_arn").asText())
                    .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:" + Invocations.FUNCTION);
            assertThat(line.get("function_request_id").asText()).isEqualTo("req-1");
            assertThat(line.get("cold_start").isBoolean()).isTrue();
            assertThat(line.get("cold_start").asBoolean()).isTrue();
            assertThat(line.get("correlation_id").asText()).isEqualTo("corr-1");
            assertThat(line.get("xray_trace_id").asText())
                    .as("the Root, as Powertools writes it")
                    .isEqualTo(TRACE_ID_1);
            assertThat(line.has("exception_class")).isFalse();
        }
    }

    @Test
    void twoSequentialInvocations_differentCorrelationIds_neverMix() throws Exception {
        try (StdoutCapture out = new StdoutCapture()) {
            Invocations.run(listener, Invocations.info("req-a", "corr-a", true, null), TRACE_1, () -> {
                LOG.info("a1");
                LOG.warn("a2");
            });
            LOG.info("between");
            Invocations.run(listener, Invocations.info("req-b", "corr-b", false, null), TRACE_2, () -> {
                LOG.info("b1");
                LOG.error("b2");
            });
            LOG.info("after");
            List<JsonNode> lines = out.logLines();
            assertThat(lines)
                    .extracting(l -> l.get("message").asText())
                    .containsExactly("a1", "a2", "between", "b1", "b2", "after");
            for (JsonNode line : lines.subList(0, 2)) {
                assertThat(line.get("correlation_id").asText()).isEqualTo("corr-a");
                assertThat(line.get("function_request_id").asText()).isEqualTo("req-a");
                assertThat(line.get("cold_start").asBoolean()).isTrue();
                assertThat(line.get("xray_trace_id").asText()).isEqualTo(TRACE_ID_1);
            }
            for (JsonNode line : lines.subList(3, 5)) {
                assertThat(line.get("correlation_id").asText()).isEqualTo("corr-b");
                assertThat(line.get("function_request_id").asText()).isEqualTo("req-b");
                assertThat(line.get("cold_start").asBoolean()).isFalse();
                assertThat(line.get("xray_trace_id").asText()).isEqualTo(TRACE_ID_2);
            }
            for (JsonNode outside : List.of(lines.get(2), lines.get(5))) {
                assertThat(outside.has("correlation_id")).isFalse();
                assertThat(outside.has("function_request_id")).isFalse();
                assertThat(outside.has("cold_start")).isFalse();
                assertThat(outside.has("xray_trace_id")).isFalse();
            }
        }
    }

    @Test
    void keyValues_fluentApiAndStructuredArguments_areTopLevelFields() throws Exception {
        try (StdoutCapture out = new StdoutCapture()) {
            Invocations.run(listener, Invocations.info("req-kv", "corr-kv", false, null), null, () -> {
                LOG.atInfo()
                        .addKeyValue("orderId", "o-42")
                        .addKeyValue("itemCount", 3)
                        .addKeyValue("total", 19.5)
                        .addKeyValue("express", true)
                        .log("order placed");
                LOG.info("reserved {}", kv("sku", "sku-1"));
            });
            List<JsonNode> lines = out.logLines();
            JsonNode fluent = lines.get(0);
            assertThat(fluent.get("orderId").asText()).isEqualTo("o-42");
            assertThat(fluent.get("itemCount").isNumber()).isTrue();
            assertThat(fluent.get("itemCount").asInt()).isEqualTo(3);
            assertThat(fluent.get("total").asDouble()).isEqualTo(19.5);
            assertThat(fluent.get("express").asBoolean()).isTrue();
            JsonNode structured = lines.get(1);
            assertThat(structured.get("sku").asText()).isEqualTo("sku-1");
            assertThat(structured.get("message").asText()).isEqualTo("reserved sku=sku-1");
            assertThat(structured.get("correlation_id").asText()).isEqualTo("corr-kv");
        }
    }

    record Order(String id, int items) {}

    @Test
    void keyValues_objectValues_writtenAsNestedJson() throws Exception {
        try (StdoutCapture out = new StdoutCapture()) {
            LOG.atInfo()
                    .addKeyValue("order", new Order("o-1", 2))
                    .addKeyValue("tags", List.of("a", "b"))
                    .addKeyValue("none", (Object) null)
                    .log("objects");
            JsonNode line = out.logLines().get(0);
            assertThat(line.get("order").toString()).isEqualTo("{\"id\":\"o-1\",\"items\":2}");
            assertThat(line.get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
            assertThat(line.has("none")).as("null key-values are left out").isFalse();
        }
    }

    @Test
    void concurrentInvocations_onTwoThreads_eachLineCarriesItsOwnInvocationsIds() throws Exception {
        int perThread = 50;
        try (StdoutCapture out = new StdoutCapture()) {
            Thread[] threads = new Thread[2];
            Throwable[] failures = new Throwable[2];
            for (int t = 0; t < threads.length; t++) {
                int thread = t;
                threads[t] = new Thread(
                        () -> {
                            try {
                                for (int i = 0; i < perThread; i++) {
                                    String id = thread + "-" + i;
                                    Invocations.run(
                                            listener,
                                            Invocations.info("req-" + id, "corr-" + id, false, null),
                                            null,
                                            () -> {
                                                LOG.info("one");
                                                LOG.info("two");
                                            });
                                }
                            } catch (Throwable e) {
                                failures[thread] = e;
                            }
                        },
                        "invoker-" + t);
                threads[t].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(failures).containsOnlyNulls();
            List<JsonNode> lines = out.logLines();
            assertThat(lines).hasSize(2 * 2 * perThread);
            assertThat(lines)
                    .allSatisfy(line -> assertThat(
                                    line.get("correlation_id").asText().substring(5))
                            .isEqualTo(line.get("function_request_id").asText().substring(4)));
        }
    }

    @Test
    void exception_logged_classMessageAndStackTraceAsFields() throws Exception {
        try (StdoutCapture out = new StdoutCapture()) {
            Invocations.run(
                    listener,
                    Invocations.info("req-ex", "corr-ex", false, null),
                    null,
                    () -> LOG.error(
                            "payment failed",
                            new IllegalStateException("card declined", new java.io.IOException("timeout"))));
            JsonNode line = out.logLines().get(0);
            assertThat(line.get("exception_class").asText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(line.get("exception_message").asText()).isEqualTo("card declined");
            assertThat(line.get("stack_trace").asText())
                    .contains("java.lang.IllegalStateException: card declined")
                    .contains("at dev.bricks.observability.JsonLogLinesTest")
                    .contains("Caused by: java.io.IOException: timeout");
        }
    }

    @Test
    void correlation_startedSetOrCleared_followedByLaterLines() throws Exception {
        try (StdoutCapture out = new StdoutCapture()) {
            String[] started = new String[1];
            Invocations.run(listener, Invocations.info("req-new", "corr-old", false, null), null, () -> {
                LOG.info("before");
                started[0] = Correlation.startNew();
                LOG.info("after");
            });
            Correlation.set("set-outside-an-invocation");
            LOG.info("outside, set");
            Correlation.clear();
            LOG.info("outside, cleared");
            List<JsonNode> lines = out.logLines();
            assertThat(lines.get(0).get("correlation_id").asText()).isEqualTo("corr-old");
            assertThat(lines.get(1).get("correlation_id").asText()).isEqualTo(started[0]);
            assertThat(lines.get(2).get("correlation_id").asText()).isEqualTo("set-outside-an-invocation");
            assertThat(lines.get(3).has("correlation_id")).isFalse();
        }
    }
}
