package dev.bricks.observability.logback;

import ch.qos.logback.classic.LoggerContext;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;

/**
 * Bricks' JSON log line as logstash-logback-encoder's composite encoder, for a user's own {@code logback.xml}
 * that wants to add or change logstash providers: the same fields, in the same order, as {@link JsonLineEncoder}
 * (timestamp, level, message, logger, thread, the Lambda and invocation fields, MDC, key-values, markers,
 * exception fields), which Bricks' own set-up and {@code bricks-appender.xml} use because it starts faster
 * (no logstash-logback-encoder, no {@code ObjectMapper} at start). On start it also adds the
 * {@link BricksTurboFilter} to the logger context (once), which keeps {@code correlation_id} current and
 * applies debug sampling.
 *
 * <pre>{@code
 * <configuration>
 *   <appender name="JSON" class="ch.qos.logback.core.ConsoleAppender">
 *     <encoder class="dev.bricks.observability.logback.BricksJsonEncoder"/>
 *   </appender>
 *   <logger name="com.example.orders" level="DEBUG"/>
 *   <root level="INFO"><appender-ref ref="JSON"/></root>
 * </configuration>
 * }</pre>
 *
 * <p>Or {@code <include resource="dev/bricks/observability/logback/bricks-appender.xml"/>}, which declares
 * this encoder in a console appender named {@code BRICKS_JSON}. Thread-safe once started, as any logback
 * encoder.
 */
public class BricksJsonEncoder extends LoggingEventCompositeJsonEncoder {

    /** An encoder with Bricks' providers; logback sets its context and starts it. */
    public BricksJsonEncoder() {
        setProviders(LogstashProviders.bricksLine());
        setFindAndRegisterJacksonModules(false);
        setJsonGeneratorDecorator(new SimpleValuesGeneratorDecorator());
    }

    @Override
    public void start() {
        if (getContext() instanceof LoggerContext loggerContext) {
            JsonLogging.addTurboFilterOnce(loggerContext);
        }
        super.start();
    }
}
