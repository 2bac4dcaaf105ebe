package dev.bricks.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bricks.core.TraceHeader;
import dev.bricks.core.invoke.LocalContext;
import dev.bricks.core.sqs.SqsHandler;
import dev.bricks.core.sqs.SqsMessage;
import io.micrometer.core.instrument.Metrics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What only a fresh JVM shows: logback's own start-up with a user's real {@code logback.xml} on the class path,
 * settings read once per process, and micrometer's global registry bridged from the first invocation. The
 * child runs {@link #main} — a real core {@link SqsHandler} invoked once — and the test reads its stdout and
 * stderr.
 */
class FreshJvmTest {

    static final String TRACE_HEADER = "Root=1-5e6722a7-cc56xmpl46db7ae02d4da47e;Parent=53995c3f42cd8ad8;Sampled=1";

    /** A consumer as a user writes it, with a library counter on micrometer's global registry. */
    static final class Consume extends SqsHandler {
        private static final Logger LOG = LoggerFactory.getLogger("orders.Consumer");
        private static final Logger QUIET = LoggerFactory.getLogger("orders.quiet");

        @Override
        protected void handleMessage(SqsMessage message, Context context) {
            LOG.info("consumed {}", message.messageId());
            QUIET.info("quiet info");
            QUIET.warn("quiet warn");
            Metrics.counter("LibraryCalls").increment();
        }
    }

    /** The child: one invocation with an X-Ray header, then exit. */
    public static void main(String[] args) throws IOException {
        System.setProperty(TraceHeader.SYSTEM_PROPERTY, TRACE_HEADER);
        String event = "{\"Records\":[{\"messageId\":\"m-1\",\"receiptHandle\":\"rh\",\"body\":\"{}\","
                + "\"attributes\":{\"ApproximateReceiveCount\":\"1\"},\"messageAttributes\":{},"
                + "\"eventSource\":\"aws:sqs\",\"eventSourceARN\":\"arn:aws:sqs:us-east-1:123456789012:q\","
                + "\"awsRegion\":\"us-east-1\"}]}";
        new Consume()
                .handleRequest(
                        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                        new ByteArrayOutputStream(),
                        LocalContext.of("req-fresh", "orders-fn", 512, Duration.ofSeconds(10)));
    }

    record Output(List<JsonNode> logLines, List<JsonNode> emfLines, String stderr) {}

    private static Output run(String extraClassPath, String... properties) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(properties));
        command.add("-cp");
        String classPath = System.getProperty("java.class.path");
        command.add(extraClassPath == null ? classPath : extraClassPath + File.pathSeparator + classPath);
        command.add(FreshJvmTest.class.getName());
        Process process = new ProcessBuilder(command).start();
        byte[] stdout = process.getInputStream().readAllBytes();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(stderr).isZero();
        List<JsonNode> logs = new ArrayList<>();
        List<JsonNode> emf = new ArrayList<>();
        for (String line : new String(stdout, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                JsonNode node = StdoutCapture.JSON.readTree(line);
                (node.has("_aws") ? emf : logs).add(node);
            }
        }
        return new Output(logs, emf, stderr);
    }

    private static String resourceDirectory(String name) throws URISyntaxException {
        return Path.of(FreshJvmTest.class.getClassLoader().getResource(name).toURI())
                .toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"user-logback/include", "user-logback/encoder"})
    void userLogbackXml_includeOrEncoderClass_linesKeepBricksFieldsAndUserLevels(String directory) throws Exception {
        Output out = run(resourceDirectory(directory));

        assertThat(out.logLines())
                .extracting(l -> l.get("message").asText())
                .contains("consumed m-1", "quiet warn")
                .doesNotContain("quiet info");
        JsonNode line = out.logLines().stream()
                .filter(l -> l.get("message").asText().equals("consumed m-1"))
                .findFirst()
                .orElseThrow();
        assertThat(line.get("logger").asText()).isEqualTo("orders.Consumer");
        assertThat(line.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(line.get("service").asText()).isEqualTo("orders-fn");
        assertThat(line.get("function_request_id").asText()).isEqualTo("req-fresh");
        assertThat(line.get("cold_start").asBoolean()).isTrue();
        assertThat(line.get("correlation_id").asText()).isEqualTo("m-1");
        assertThat(line.get("xray_trace_id").asText()).isEqualTo("1-5e6722a7-cc56xmpl46db7ae02d4da47e");
        assertThat(out.stderr()).doesNotContain("ERROR");
    }

    @Test
    void badDebugSampleRate_reportedOnceForTheProcess() throws Exception {
        Output out = run(null, "-DBRICKS_LOG_DEBUG_SAMPLE_RATE=often");

        assertThat(out.stderr()
                        .lines()
                        .filter(l -> l.contains("BRICKS_LOG_DEBUG_SAMPLE_RATE"))
                        .toList())
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .contains("must be a number between 0 and 1, was 'often'", "debug sampling is off"));
        assertThat(out.logLines()).extracting(l -> l.get("message").asText()).contains("consumed m-1");
    }

    @Test
    void globalRegistryMeter_default_writtenAsEmfWithService() throws Exception {
        Output out = run(null);

        assertThat(out.emfLines()).anySatisfy(l -> {
            assertThat(l.path("LibraryCalls").asInt()).isEqualTo(1);
            assertThat(l.get("service").asText()).isEqualTo("orders-fn");
            assertThat(l.at("/_aws/CloudWatchMetrics/0/Dimensions/0/0").asText())
                    .isEqualTo("service");
        });
    }

    @Test
    void globalRegistryMeter_switchedOff_notWritten() throws Exception {
        Output out = run(null, "-DBRICKS_METRICS_GLOBAL_REGISTRY=false");

        assertThat(out.emfLines())
                .noneSatisfy(l -> assertThat(l.has("LibraryCalls")).isTrue());
        assertThat(out.emfLines())
                .anySatisfy(l -> assertThat(l.path("ColdStart").asInt()).isEqualTo(1));
    }

    @Test
    void defaultSetUp_plainLines_loadNoLogstashClass(@TempDir Path dir) throws Exception {
        Path classLoad = dir.resolve("class-load.log");
        Output out = run(null, "-Xlog:class+load=info:file=" + classLoad);

        assertThat(out.logLines()).extracting(l -> l.get("message").asText()).contains("consumed m-1");
        List<String> loaded = Files.readAllLines(classLoad);
        assertThat(loaded).anySatisfy(l -> assertThat(l).contains("dev.bricks.observability.logback.JsonLineEncoder"));
        assertThat(loaded)
                .as("JsonLineEncoder writes lines without structured arguments or markers without logstash")
                .noneSatisfy(l -> assertThat(l).contains(" net.logstash."));
    }
}
