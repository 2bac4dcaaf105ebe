package dev.bricks.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.util.List;
import java.util.Locale;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import net.logstash.logback.composite.JsonProviders;
import net.logstash.logback.composite.loggingevent.ArgumentsJsonProvider;
import net.logstash.logback.composite.loggingevent.KeyValuePairsJsonProvider;
import net.logstash.logback.composite.loggingevent.LogLevelJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggerNameJsonProvider;
import net.logstash.logback.composite.loggingevent.LogstashMarkersJsonProvider;
import net.logstash.logback.composite.loggingevent.MdcJsonProvider;
import net.logstash.logback.composite.loggingevent.MessageJsonProvider;
import net.logstash.logback.composite.loggingevent.StackTraceJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventThreadNameJsonProvider;
import net.logstash.logback.composite.loggingevent.ThrowableClassNameJsonProvider;
import net.logstash.logback.composite.loggingevent.ThrowableMessageJsonProvider;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;

/**
 * Builds Bricks' default logging set-up on a {@link LoggerContext} in code (no XML parsing): one
 * {@link ConsoleAppender} on stdout with a {@link LoggingEventCompositeJsonEncoder} whose providers write
 * exactly the documented fields, the root level from {@code LOG_LEVEL} and the {@link BricksTurboFilter}
 * (correlation id kept current, debug sampling). The same set-up is
 * shipped as XML in {@value #XML_RESOURCE}.
 */
final class JsonLogging {

    /** Classpath resource with the same configuration in logback XML. */
    static final String XML_RESOURCE = "dev/bricks/observability/logback-json.xml";
    static final String APPENDER_NAME = "BRICKS_JSON";

    private JsonLogging() {
    }

    static void configure(LoggerContext context, Settings settings) {
        LoggingEventCompositeJsonEncoder encoder = new LoggingEventCompositeJsonEncoder();
        encoder.setContext(context);
        encoder.setProviders(providers());
        encoder.setFindAndRegisterJacksonModules(false);
        encoder.setJsonGeneratorDecorator(new SimpleValuesGeneratorDecorator());
        encoder.start();

        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER_NAME);
        appender.setEncoder(encoder);
        appender.start();

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
        root.setLevel(level(settings.logLevel(), context));
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
        context.getStatusManager().add(new ch.qos.logback.core.status.WarnStatus(message, JsonLogging.class));
        System.err.println(message);
        return Level.INFO;
    }

    private static JsonProviders<ILoggingEvent> providers() {
        JsonProviders<ILoggingEvent> providers = new JsonProviders<>();
        providers.addProvider(new IsoTimestampJsonProvider());
        providers.addProvider(named(new LogLevelJsonProvider(), LogFields.LEVEL));
        providers.addProvider(named(new MessageJsonProvider(), LogFields.MESSAGE));
        providers.addProvider(named(new LoggerNameJsonProvider(), LogFields.LOGGER));
        providers.addProvider(named(new LoggingEventThreadNameJsonProvider(), LogFields.THREAD));
        providers.addProvider(new BricksFieldsJsonProvider());
        MdcJsonProvider mdc = new MdcJsonProvider();
        for (String key : BricksFieldsJsonProvider.MDC_KEYS) {
            mdc.addExcludeMdcKeyName(key);
        }
        providers.addProvider(mdc);
        providers.addProvider(new KeyValuePairsJsonProvider());
        providers.addProvider(new ArgumentsJsonProvider());
        providers.addProvider(new LogstashMarkersJsonProvider());
        ThrowableClassNameJsonProvider exceptionClass = named(new ThrowableClassNameJsonProvider(), LogFields.EXCEPTION_CLASS);
        exceptionClass.setUseSimpleClassName(false);
        providers.addProvider(exceptionClass);
        providers.addProvider(named(new ThrowableMessageJsonProvider(), LogFields.EXCEPTION_MESSAGE));
        providers.addProvider(named(new StackTraceJsonProvider(), LogFields.STACK_TRACE));
        return providers;
    }

    /** Sets the JSON field name a provider writes to and returns the provider. */
    private static <P extends AbstractFieldJsonProvider<ILoggingEvent>> P named(P provider, String fieldName) {
        provider.setFieldName(fieldName);
        return provider;
    }
}
