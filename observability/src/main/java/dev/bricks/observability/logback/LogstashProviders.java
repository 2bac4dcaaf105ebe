package dev.bricks.observability.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.bricks.observability.LogFields;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import net.logstash.logback.composite.JsonProviders;
import net.logstash.logback.composite.loggingevent.ArgumentsJsonProvider;
import net.logstash.logback.composite.loggingevent.KeyValuePairsJsonProvider;
import net.logstash.logback.composite.loggingevent.LogLevelJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggerNameJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventThreadNameJsonProvider;
import net.logstash.logback.composite.loggingevent.LogstashMarkersJsonProvider;
import net.logstash.logback.composite.loggingevent.MdcJsonProvider;
import net.logstash.logback.composite.loggingevent.MessageJsonProvider;
import net.logstash.logback.composite.loggingevent.StackTraceJsonProvider;
import net.logstash.logback.composite.loggingevent.ThrowableClassNameJsonProvider;
import net.logstash.logback.composite.loggingevent.ThrowableMessageJsonProvider;

/**
 * The logstash-logback-encoder providers of Bricks' line, for {@link BricksJsonEncoder}: a class of its own so that
 * {@link JsonLogging} (the default set-up, on {@link JsonLineEncoder}) loads no logstash class when it is verified.
 */
final class LogstashProviders {

    private LogstashProviders() {}

    /** The providers of Bricks' line, in order: a new set per encoder. */
    static JsonProviders<ILoggingEvent> bricksLine() {
        JsonProviders<ILoggingEvent> providers = new JsonProviders<>();
        providers.addProvider(new IsoTimestampJsonProvider());
        providers.addProvider(named(new LogLevelJsonProvider(), LogFields.LEVEL));
        providers.addProvider(named(new MessageJsonProvider(), LogFields.MESSAGE));
        providers.addProvider(named(new LoggerNameJsonProvider(), LogFields.LOGGER));
        providers.addProvider(named(new LoggingEventThreadNameJsonProvider(), LogFields.THREAD));
        providers.addProvider(new BricksFieldsJsonProvider());
        MdcJsonProvider mdc = new MdcJsonProvider();
        for (String key : LogFields.MDC_KEYS) {
            mdc.addExcludeMdcKeyName(key);
        }
        providers.addProvider(mdc);
        providers.addProvider(new KeyValuePairsJsonProvider());
        providers.addProvider(new ArgumentsJsonProvider());
        providers.addProvider(new LogstashMarkersJsonProvider());
        ThrowableClassNameJsonProvider exceptionClass =
                named(new ThrowableClassNameJsonProvider(), LogFields.EXCEPTION_CLASS);
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
