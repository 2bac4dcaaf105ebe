package dev.bricks.observability.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.status.WarnStatus;
import dev.bricks.observability.internal.Settings;
import java.util.List;
import java.util.Locale;

/**
 * Builds Bricks' default logging set-up on a {@link LoggerContext} in code (no XML parsing): one
 * {@link ConsoleAppender} on stdout with a {@link JsonLineEncoder} writing exactly the documented fields (it
 * also adds the {@link BricksTurboFilter}: correlation id kept current, debug sampling), and the root level from
 * {@code LOG_LEVEL}. The same line is shipped as logstash-logback-encoder XML, every provider spelled out, in
 * {@value #XML_RESOURCE} ({@link BricksJsonEncoder}).
 */
final class JsonLogging {

    /** Classpath resource with the same configuration in logback XML, every provider spelled out. */
    static final String XML_RESOURCE = "dev/bricks/observability/logback/logback-json.xml";
    /** Classpath resource for a user's {@code <include>}: the {@value #APPENDER_NAME} appender. */
    static final String INCLUDE_RESOURCE = "dev/bricks/observability/logback/bricks-appender.xml";

    static final String APPENDER_NAME = "BRICKS_JSON";

    private JsonLogging() {}

    static void configure(LoggerContext context, Settings settings) {
        JsonLineEncoder encoder = new JsonLineEncoder();
        encoder.setContext(context);
        encoder.start();

        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER_NAME);
        appender.setEncoder(encoder);
        appender.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
        root.setLevel(level(settings.logLevel(), context));
    }

    /** Adds a started {@link BricksTurboFilter} to the context unless it has one already. */
    static void addTurboFilterOnce(LoggerContext context) {
        for (TurboFilter existing : context.getTurboFilterList()) {
            if (existing instanceof BricksTurboFilter) {
                return;
            }
        }
        BricksTurboFilter filter = new BricksTurboFilter();
        filter.setContext(context);
        filter.setName("BRICKS");
        filter.start();
        context.addTurboFilter(filter);
    }

    static Level level(String name, LoggerContext context) {
        if (name == null) {
            return Level.INFO;
        }
        String upper = name.trim().toUpperCase(Locale.ROOT);
        if (List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF", "ALL").contains(upper)) {
            return Level.toLevel(upper);
        }
        String message = "bricks-observability: " + Settings.LOG_LEVEL + " '" + name
                + "' is not one of TRACE, DEBUG, INFO, WARN, ERROR, OFF; using INFO";
        context.getStatusManager().add(new WarnStatus(message, JsonLogging.class));
        System.err.println(message);
        return Level.INFO;
    }
}
