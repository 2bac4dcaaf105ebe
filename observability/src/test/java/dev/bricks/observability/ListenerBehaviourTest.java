package dev.bricks.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bricks.observability.internal.Settings;
import dev.bricks.observability.metrics.EmfValidator;
import io.micrometer.core.instrument.DistributionSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listener through the SPI, with real stdout: event logging, debug sampling, metrics flush, ColdStart. */
class ListenerBehaviourTest {

    private static final Logger LOG = LoggerFactory.getLogger("orders.Handler");
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJlLWJ5dGVz";

    private static ObservabilityListener listener(Map<String, String> env) {
        return new ObservabilityListener(Settings.from(env::get));
    }

    @Test
    void logEvent_enabled_eventLoggedAsJsonWithSecretsRedacted() throws Exception {
        ObservabilityListener listener = listener(Map.of(
                "BRICKS_LOG_EVENT", "true", "BRICKS_LOG_REDACT_PATHS", "requestContext.authorizer.jwt.claims.email"));
        String event = "{\"headers\":{\"Authorization\":\"Bearer " + JWT + "\",\"cookie\":\"sid=42\","
                + "\"content-type\":\"application/json\"},\"requestContext\":{\"authorizer\":{\"jwt\":{\"claims\":"
                + "{\"email\":\"ann@example.com\"}}}},\"body\":\"{\\\"userId\\\":\\\"u1\\\"}\"}";
        try (StdoutCapture out = new StdoutCapture()) {
            Invocations.run(listener, Invocations.info("req-ev", "corr-ev", false, event), null, () -> {});
            String text = out.text();
            assertThat(text).doesNotContain(JWT).doesNotContain("sid=42").doesNotContain("ann@example.com");
            JsonNode line = out.logLines().get(0);
            assertThat(line.get("message").asText()).isEqualTo("incoming event");
            assertThat(line.get("correlation_id").asText()).isEqualTo("corr-ev");
            assertThat(line.at("/event/headers/Authorization").asText()).isEqualTo("***");
            assertThat(line.at("/event/headers/content-type").asText()).isEqualTo("application/json");
            assertThat(line.at("/event/body").asText()).isEqualTo("{\"userId\":\"u1\"}");
        }
    }

    @Test
    void logEvent_malformedEvent_warningWithoutContent() throws Exception {
        ObservabilityListener listener = listener(Map.of("BRICKS_LOG_EVENT", "true"));
        try (StdoutCapture out = new StdoutCapture()) {
            Invocations.run(
                    listener, Invocations.info("req-bad", "corr-bad", false, "{\"secret\":\"s3"), null, () -> {});
            JsonNode line = out.logLines().get(0);
            assertThat(line.get("level").asText()).isEqualTo("WARN");
            assertThat(out.text()).doesNotContain("s3");
        }
    }

    @Test
    void logEvent_notEnabled_nothingLogged() throws Exception {
        try (StdoutCapture out = new StdoutCapture()) {
            Invocations.run(
                    listener(Map.of()), Invocations.info("req-q", "corr-q", false, "{\"a\":1}"), null, () -> {});
            assertThat(out.logLines()).isEmpty();
        }
    }

    @Test
    void debugSampling_rateOne_debugLinesOfThatInvocationOnly() throws Exception {
        ObservabilityListener sampled = listener(Map.of("BRICKS_LOG_DEBUG_SAMPLE_RATE", "1"));
        try (StdoutCapture out = new StdoutCapture()) {
            Invocations.run(sampled, Invocations.info("req-d", "corr-d", false, null), null, () -> {
                assertThat(LOG.isDebugEnabled()).isTrue();
                LOG.debug("detail {}", 1);
                LOG.trace("never");
            });
            LOG.debug("outside");
            Invocations.run(
                    listener(Map.of()),
                    Invocations.info("req-n", "corr-n", false, null),
                    null,
                    () -> LOG.debug("not sampled"));
            List<JsonNode> lines = out.logLines();
            assertThat(lines).extracting(l -> l.get("message").asText()).containsExactly("detail 1");
            assertThat(lines.get(0).get("debug_sampled").asBoolean()).isTrue();
        }
    }

    @Test
    void debugSampling_rateHalf_roughlyHalfOfInvocationsLogDebug() throws Exception {
        ObservabilityListener sampled = listener(Map.of("BRICKS_LOG_DEBUG_SAMPLE_RATE", "0.5"));
        try (StdoutCapture out = new StdoutCapture()) {
            for (int i = 0; i < 400; i++) {
                Invocations.run(sampled, Invocations.info("r" + i, "c" + i, false, null), null, () -> LOG.debug("d"));
            }
            assertThat(out.logLines().size()).isBetween(140, 260);
        }
    }

    @Test
    void settings_badSampleRate_rejectedNamingVariable() {
        assertThatThrownBy(() -> Settings.from(Map.of("BRICKS_LOG_DEBUG_SAMPLE_RATE", "often")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BRICKS_LOG_DEBUG_SAMPLE_RATE")
                .hasMessageContaining("often");
        assertThatThrownBy(() -> Settings.from(Map.of("BRICKS_LOG_DEBUG_SAMPLE_RATE", "1.5")::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void afterInvocation_handlerFailed_metricsStillFlushedAndValid() throws Exception {
        ObservabilityListener listener = listener(Map.of());
        DistributionSummary revenue =
                DistributionSummary.builder("OrderRevenue").baseUnit("none").register(BricksMetrics.registry());
        try (StdoutCapture out = new StdoutCapture()) {
            assertThatThrownBy(() ->
                            Invocations.run(listener, Invocations.info("req-m", "corr-m", true, null), null, () -> {
                                BricksMetrics.registry().counter("ItemsSold").increment(2);
                                revenue.record(99.9);
                                throw new IllegalStateException("boom");
                            }))
                    .isInstanceOf(IllegalStateException.class);
            List<JsonNode> emf = out.emfLines();
            assertThat(emf)
                    .allSatisfy(l -> assertThat(EmfValidator.violations(l)).isEmpty());
            assertThat(emf).anySatisfy(l -> {
                assertThat(l.path("ColdStart").asInt()).isEqualTo(1);
                assertThat(l.path("service").asText()).isEqualTo(Invocations.FUNCTION);
            });
            assertThat(emf).anySatisfy(l -> {
                assertThat(l.path("ItemsSold").asInt()).isEqualTo(2);
                assertThat(l.path("OrderRevenue").asDouble()).isEqualTo(99.9);
                assertThat(l.path("service").asText()).isEqualTo(Invocations.FUNCTION);
                assertThat(l.at("/_aws/CloudWatchMetrics/0/Dimensions/0/0").asText())
                        .isEqualTo("service");
                assertThat(l.get("_aws")
                                .get("CloudWatchMetrics")
                                .get(0)
                                .get("Namespace")
                                .asText())
                        .isEqualTo(Settings.DEFAULT_NAMESPACE);
            });
        }
        try (StdoutCapture out = new StdoutCapture()) {
            Invocations.run(
                    listener,
                    Invocations.info("req-m2", "corr-m2", false, null),
                    null,
                    () -> BricksMetrics.registry().counter("ItemsSold").increment());
            List<JsonNode> emf = out.emfLines();
            assertThat(emf).hasSize(1);
            assertThat(emf.get(0).has("ColdStart")).isFalse();
            assertThat(emf.get(0).get("ItemsSold").asInt()).isEqualTo(1);
        }
    }

    @Test
    void coldStart_configuredNamespaceFunctionDimensionAndHighResolution_usedInTheColdStartLine() throws Exception {
        ObservabilityListener listener = listener(Map.of(
                "BRICKS_METRICS_NAMESPACE",
                "Shop",
                "BRICKS_METRICS_FUNCTION_NAME_DIMENSION",
                "true",
                "BRICKS_METRICS_HIGH_RESOLUTION",
                "true"));
        try (StdoutCapture out = new StdoutCapture()) {
            Invocations.run(listener, Invocations.info("req-cs", "corr-cs", true, null), null, () -> {});
            JsonNode line = out.emfLines().stream()
                    .filter(l -> l.has("ColdStart"))
                    .findFirst()
                    .orElseThrow();
            assertThat(EmfValidator.violations(line)).isEmpty();
            JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
            assertThat(directive.get("Namespace").asText()).isEqualTo("Shop");
            assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"service\",\"function_name\"]]");
            assertThat(directive.at("/Metrics/0/StorageResolution").asInt()).isEqualTo(1);
            assertThat(line.get("function_name").asText()).isEqualTo(Invocations.FUNCTION);
        }
    }

    @Test
    void invocation_withoutContext_logsWithoutContextFieldsAndDoesNotFail() throws Exception {
        ObservabilityListener listener = listener(Map.of());
        dev.bricks.core.spi.InvocationInfo info = new dev.bricks.core.spi.InvocationInfo(
                dev.bricks.core.spi.InvocationInfo.Trigger.OTHER, null, false, "corr-noctx", null, null, null);
        try (StdoutCapture out = new StdoutCapture()) {
            Invocations.run(listener, info, null, () -> LOG.info("no context"));
            JsonNode line = out.logLines().get(0);
            assertThat(line.get("correlation_id").asText()).isEqualTo("corr-noctx");
            assertThat(line.has("function_request_id")).isFalse();
            assertThat(line.has("function_arn")).isFalse();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Root=1-5e6722a7-cc56xmpl46db7ae02d4da47e;Parent=53995c3f42cd8ad8;Sampled=1 | 1-5e6722a7-cc56xmpl46db7ae02d4da47e
            Root=1-5e6722a7-cc56xmpl46db7ae02d4da47e                                   | 1-5e6722a7-cc56xmpl46db7ae02d4da47e
            Parent=53995c3f42cd8ad8; Root=1-67890abc-0123456789abcdef01234567;Sampled=0 | 1-67890abc-0123456789abcdef01234567
            Parent=53995c3f42cd8ad8;Sampled=1                                          | Parent=53995c3f42cd8ad8;Sampled=1
            Root=                                                                      | Root=
            """)
    void traceId_xrayHeader_rootAsPowertoolsWritesIt(String header, String expected) {
        assertThat(ObservabilityListener.traceId(header)).isEqualTo(expected);
    }
}
