package dev.bricks.observability.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bricks.observability.Invocations;
import dev.bricks.observability.ObservabilityListener;
import dev.bricks.observability.StdoutCapture;
import dev.bricks.observability.internal.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.MDC;

/** Fresh logger contexts configured in code or from the shipped XML, writing to the real System.out. */
class LoggingConfigurationTest {

    private static LoggerContext context() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        return context;
    }

    private static List<String> fieldNames(JsonNode line) {
        List<String> names = new ArrayList<>();
        line.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode logOneLine(LoggerContext context) throws Exception {
        ObservabilityListener listener = new ObservabilityListener();
        try (StdoutCapture out = new StdoutCapture()) {
            Invocations.run(
                    listener,
                    Invocations.info("req-x", "corr-x", false, null),
                    "Root=1-a-b",
                    () -> context.getLogger("x")
                            .atWarn()
                            .addKeyValue("k", "v")
                            .setCause(new RuntimeException("m"))
                            .log("hello"));
            return out.logLines().get(0);
        } finally {
            context.stop();
        }
    }

    @Test
    void shippedXml_parsedByJoran_writesTheSameFieldsAsTheProgrammaticSetUp() throws Exception {
        LoggerContext fromCode = context();
        JsonLogging.configure(fromCode, Settings.from(name -> null));
        JsonNode codeLine = logOneLine(fromCode);

        LoggerContext fromXml = context();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(fromXml);
        joran.doConfigure(getClass().getClassLoader().getResource(JsonLogging.XML_RESOURCE));
        JsonNode xmlLine = logOneLine(fromXml);

        assertThat(fieldNames(xmlLine)).isEqualTo(fieldNames(codeLine));
        assertThat(fieldNames(codeLine))
                .containsExactly(
                        "timestamp",
                        "level",
                        "message",
                        "logger",
                        "thread",
                        "service",
                        "function_name",
                        "function_version",
                        "function_memory_size",
                        "function_arn",
                        "function_request_id",
                        "cold_start",
                        "correlation_id",
                        "xray_trace_id",
                        "k",
                        "exception_class",
                        "exception_message",
                        "stack_trace");
    }

    @ParameterizedTest
    @CsvSource({"WARN,WARN", "debug,DEBUG", "off,OFF", "Trace,TRACE", "loud,INFO"})
    void logLevel_fromEnvironment_setsRootLevel(String value, String expected) {
        LoggerContext context = context();
        JsonLogging.configure(context, Settings.from(Map.of("LOG_LEVEL", value)::get));
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel())
                .isEqualTo(Level.toLevel(expected));
        context.stop();
    }

    @Test
    void logLevelWarn_infoLinesDropped() throws Exception {
        LoggerContext context = context();
        JsonLogging.configure(context, Settings.from(Map.of("LOG_LEVEL", "WARN")::get));
        try (StdoutCapture out = new StdoutCapture()) {
            context.getLogger("x").info("dropped");
            context.getLogger("x").warn("kept");
            assertThat(out.logLines())
                    .extracting(l -> l.get("message").asText())
                    .containsExactly("kept");
        } finally {
            context.stop();
        }
    }

    @Test
    void autoConfig_noUserConfiguration_bricksJsonAppender() throws Exception {
        LoggerContext context = context();
        new ContextInitializer(context).autoConfig();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getAppender(JsonLogging.APPENDER_NAME)).isNotNull();
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        context.stop();
    }

    @Test
    void autoConfig_userConfigurationFile_userFileWinsAndBricksStepsAside() throws Exception {
        System.setProperty(BricksLogbackConfigurator.CONFIG_FILE_PROPERTY, "user-logback.xml");
        LoggerContext context = context();
        try {
            new ContextInitializer(context).autoConfig();
            ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            assertThat(root.getAppender("USER_JSON")).isNotNull();
            assertThat(root.getAppender(JsonLogging.APPENDER_NAME)).isNull();
            assertThat(root.getLevel()).isEqualTo(Level.WARN);
        } finally {
            System.clearProperty(BricksLogbackConfigurator.CONFIG_FILE_PROPERTY);
            context.stop();
        }
    }

    @Test
    void configurator_userConfigurationFileProperty_stepsAside() {
        assertThat(BricksLogbackConfigurator.userConfigurationPresent()).isFalse();
        System.setProperty(BricksLogbackConfigurator.CONFIG_FILE_PROPERTY, "my-logback.xml");
        try {
            assertThat(BricksLogbackConfigurator.userConfigurationPresent()).isTrue();
        } finally {
            System.clearProperty(BricksLogbackConfigurator.CONFIG_FILE_PROPERTY);
        }
    }
}
