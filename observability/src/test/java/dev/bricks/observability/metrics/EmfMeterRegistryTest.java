package dev.bricks.observability.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bricks.observability.StdoutCapture;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmfMeterRegistryTest {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final EmfMeterRegistry registry = EmfMeterRegistry.builder()
            .namespace("OrdersApp")
            .defaultDimension("service", "orders")
            .output(new PrintStream(buffer, true, StandardCharsets.UTF_8))
            .build();

    /** Every line parsed and validated against the EMF rules. */
    private List<JsonNode> validLines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : buffer.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node = StdoutCapture.JSON.readTree(line);
            assertThat(EmfValidator.violations(node)).as(line).isEmpty();
            lines.add(node);
        }
        buffer.reset();
        return lines;
    }

    @Test
    void flush_businessMetrics_oneValidLineWithServiceDimension() throws Exception {
        registry.counter("ItemsSold").increment(3);
        DistributionSummary.builder("OrderRevenue")
                .baseUnit("none")
                .register(registry)
                .record(42.5);
        Timer.builder("PaymentLatency").register(registry).record(Duration.ofMillis(120));
        registry.flush();
        List<JsonNode> lines = validLines();
        assertThat(lines).hasSize(1);
        JsonNode line = lines.get(0);
        JsonNode directive = line.get("_aws").get("CloudWatchMetrics").get(0);
        assertThat(directive.get("Namespace").asText()).isEqualTo("OrdersApp");
        assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"service\"]]");
        assertThat(line.get("service").asText()).isEqualTo("orders");
        assertThat(line.get("ItemsSold").asDouble()).isEqualTo(3);
        assertThat(line.get("OrderRevenue").asDouble()).isEqualTo(42.5);
        assertThat(line.get("PaymentLatency").asDouble()).isEqualTo(120);
        assertThat(directive.get("Metrics").toString())
                .contains("{\"Name\":\"ItemsSold\",\"Unit\":\"Count\"}")
                .contains("{\"Name\":\"OrderRevenue\",\"Unit\":\"None\"}")
                .contains("{\"Name\":\"PaymentLatency\",\"Unit\":\"Milliseconds\"}");
    }

    @Test
    void flush_twice_secondFlushWritesOnlyNewValues() throws Exception {
        Counter sold = registry.counter("ItemsSold");
        sold.increment(2);
        registry.flush();
        assertThat(validLines()).hasSize(1);
        registry.flush();
        assertThat(validLines()).isEmpty();
        sold.increment();
        registry.flush();
        assertThat(validLines().get(0).get("ItemsSold").asInt()).isEqualTo(1);
        assertThat(sold.count()).isEqualTo(3);
    }

    @Test
    void timer_severalRecordings_valuesArrayKeepsEveryValue() throws Exception {
        Timer timer = registry.timer("DbLatency");
        timer.record(Duration.ofMillis(5));
        timer.record(Duration.ofMillis(7));
        timer.record(Duration.ofMillis(5));
        registry.flush();
        JsonNode values = validLines().get(0).get("DbLatency");
        assertThat(values.isArray()).isTrue();
        assertThat(values.toString()).isEqualTo("[5,7,5]");
        assertThat(timer.count()).isEqualTo(3);
        assertThat(timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(17);
    }

    @Test
    void timer_250Values_splitIntoThreeLinesOfAtMost100() throws Exception {
        Timer timer = registry.timer("Hot");
        for (int i = 0; i < 250; i++) {
            timer.record(Duration.ofMillis(i));
        }
        registry.flush();
        List<JsonNode> lines = validLines();
        assertThat(lines).extracting(l -> l.get("Hot").size()).containsExactly(100, 100, 50);
    }

    @Test
    void flush_150Metrics_splitIntoLinesOfAtMost100() throws Exception {
        for (int i = 0; i < 150; i++) {
            registry.counter("M" + i).increment();
        }
        registry.flush();
        List<JsonNode> lines = validLines();
        assertThat(lines)
                .extracting(l -> l.get("_aws")
                        .get("CloudWatchMetrics")
                        .get(0)
                        .get("Metrics")
                        .size())
                .containsExactly(100, 50);
        assertThat(lines.stream().mapToInt(l -> l.size() - 2).sum()).isEqualTo(150);
    }

    /** {@code service} + 34 tags = 35 keys: two dimension sets, {@code service} in both (the second lacked it). */
    @Test
    void flush_35Dimensions_splitIntoSetsOfAtMost30EachWithService() throws Exception {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 34; i++) {
            tags.add(String.format("d%02d", i));
            tags.add("v" + i);
        }
        registry.counter("Wide", tags.toArray(String[]::new)).increment();
        registry.flush();
        List<JsonNode> lines = validLines();
        assertThat(lines).hasSize(2);
        List<List<String>> sets = lines.stream()
                .map(l -> {
                    List<String> keys = new ArrayList<>();
                    l.at("/_aws/CloudWatchMetrics/0/Dimensions/0").forEach(k -> keys.add(k.asText()));
                    return keys;
                })
                .toList();
        assertThat(sets).extracting(List::size).containsExactly(30, 6);
        assertThat(sets).allSatisfy(set -> assertThat(set.get(0)).isEqualTo("service"));
        assertThat(sets.stream().flatMap(set -> set.stream().skip(1)).toList())
                .containsExactlyElementsOf(
                        tags.stream().filter(t -> t.startsWith("d")).toList());
        assertThat(lines).allSatisfy(l -> assertThat(l.get("Wide").asInt()).isEqualTo(1));
    }

    @Test
    void flush_serviceFromSupplierAnd35Dimensions_serviceInEverySet() throws Exception {
        EmfMeterRegistry withSupplier = EmfMeterRegistry.builder()
                .namespace("OrdersApp")
                .serviceDimension(() -> "orders-fn")
                .defaultDimension("stage", "prod")
                .output(new PrintStream(buffer, true, StandardCharsets.UTF_8))
                .build();
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 33; i++) {
            tags.add("t" + i);
            tags.add("v");
        }
        withSupplier.counter("Wide", tags.toArray(String[]::new)).increment();
        withSupplier.flush();

        assertThat(validLines()).hasSize(2).allSatisfy(l -> {
            JsonNode set = l.at("/_aws/CloudWatchMetrics/0/Dimensions/0");
            assertThat(set.get(0).asText()).isEqualTo("service");
            assertThat(set.get(1).asText()).isEqualTo("stage");
            assertThat(l.get("service").asText()).isEqualTo("orders-fn");
        });
    }

    @Test
    void build_30DefaultDimensions_rejectedNamingTheLimit() {
        EmfMeterRegistry.Builder builder =
                EmfMeterRegistry.builder().namespace("N").serviceDimension(() -> "s");
        for (int i = 0; i < 29; i++) {
            builder.defaultDimension("d" + i, "v");
        }
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("at most 29 default dimensions (service included)");
    }

    @Test
    void flush_metersWithDifferentTagValues_separateLinesWithTheirDimensionValues() throws Exception {
        registry.counter("Orders", "channel", "web").increment();
        registry.counter("Orders", "channel", "app").increment(2);
        registry.flush();
        List<JsonNode> lines = validLines();
        assertThat(lines).hasSize(2);
        assertThat(lines)
                .extracting(
                        l -> l.get("channel").asText() + "=" + l.get("Orders").asInt())
                .containsExactlyInAnyOrder("web=1", "app=2");
        assertThat(lines.get(0)
                        .get("_aws")
                        .get("CloudWatchMetrics")
                        .get(0)
                        .get("Dimensions")
                        .get(0)
                        .toString())
                .isEqualTo("[\"service\",\"channel\"]");
    }

    @Test
    void gauge_readAtEachFlush() throws Exception {
        AtomicInteger queue = new AtomicInteger(4);
        registry.gauge("QueueDepth", queue);
        registry.flush();
        queue.set(9);
        registry.flush();
        assertThat(validLines()).extracting(l -> l.get("QueueDepth").asInt()).containsExactly(4, 9);
    }

    @Test
    void highResolution_everyMetricHasStorageResolution1() throws Exception {
        EmfMeterRegistry hires = EmfMeterRegistry.builder()
                .namespace("N")
                .highResolution(true)
                .output(new PrintStream(buffer, true, StandardCharsets.UTF_8))
                .build();
        hires.counter("A").increment();
        hires.timer("B").record(Duration.ofMillis(1));
        hires.flush();
        JsonNode metrics =
                validLines().get(0).get("_aws").get("CloudWatchMetrics").get(0).get("Metrics");
        assertThat(metrics)
                .allSatisfy(m -> assertThat(m.get("StorageResolution").asInt()).isEqualTo(1));
    }

    @ParameterizedTest
    @CsvSource({
        "bytes,Bytes",
        "seconds,Seconds",
        "milliseconds,Milliseconds",
        "percent,Percent",
        "items,Count",
        "kilobytes,Kilobytes",
        "widgets,None"
    })
    void distributionSummary_baseUnit_mappedToCloudWatchUnit(String baseUnit, String unit) throws Exception {
        DistributionSummary.builder("S").baseUnit(baseUnit).register(registry).record(1);
        registry.flush();
        assertThat(validLines()
                        .get(0)
                        .get("_aws")
                        .get("CloudWatchMetrics")
                        .get(0)
                        .get("Metrics")
                        .get(0)
                        .get("Unit")
                        .asText())
                .isEqualTo(unit);
    }

    @Test
    void builder_blankNamespace_rejectedNamingIt() {
        assertThatThrownBy(() -> EmfMeterRegistry.builder().namespace(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("namespace");
        assertThatThrownBy(() -> EmfMeterRegistry.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("namespace");
        assertThatThrownBy(() -> EmfMeterRegistry.builder().defaultDimension("service", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("service");
    }

    @Test
    void validator_brokenDocuments_reportEveryRule() throws Exception {
        JsonNode missingMember = StdoutCapture.JSON.readTree("{\"_aws\":{\"Timestamp\":1700000000000,"
                + "\"CloudWatchMetrics\":[{\"Namespace\":\"N\",\"Dimensions\":[[\"service\"]],"
                + "\"Metrics\":[{\"Name\":\"A\",\"Unit\":\"Parsecs\"}]}]}}");
        assertThat(EmfValidator.violations(missingMember)).hasSize(3);
        assertThat(EmfValidator.violations(StdoutCapture.JSON.readTree("{\"a\":1}")))
                .isNotEmpty();
    }
}
