package dev.bricks.observability.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bricks.observability.LogFields;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * Bricks' JSON log line, hand-written on jackson-core: one JSON object per event, then a line separator, with
 * the fields in this order — {@code timestamp} (ISO-8601 UTC, milliseconds), {@code level}, {@code message},
 * {@code logger}, {@code thread}, the Lambda fields ({@code service}, {@code function_name},
 * {@code function_version}, {@code function_memory_size}, {@code function_arn}, {@code function_request_id},
 * {@code cold_start}, {@code correlation_id}, {@code xray_trace_id}, {@code debug_sampled}), the other MDC
 * entries (strings), slf4j 2 key-values, logstash-logback-encoder's structured arguments and markers (top-level
 * fields), then {@code exception_class}, {@code exception_message} and {@code stack_trace} when a throwable is
 * logged. Values other than strings, numbers and booleans (records, maps, lists) are written as nested JSON by a
 * plain {@code ObjectMapper} created on first need; {@code null} key-values are left out.
 *
 * <p>It writes exactly what {@link BricksJsonEncoder} (logstash-logback-encoder's composite encoder with
 * Bricks' providers) writes, without loading logstash-logback-encoder or jackson-databind for a line that has
 * neither structured arguments, markers nor nested values — the default encoder of Bricks' logging set-up and
 * of {@code bricks-appender.xml}. Use {@link BricksJsonEncoder} to add or change logstash providers. On start it
 * adds the {@link BricksTurboFilter} to the logger context (once), which keeps {@code correlation_id} current
 * and applies debug sampling.
 *
 * <pre>{@code
 * <configuration>
 *   <appender name="JSON" class="ch.qos.logback.core.ConsoleAppender">
 *     <encoder class="dev.bricks.observability.logback.JsonLineEncoder"/>
 *   </appender>
 *   <root level="INFO"><appender-ref ref="JSON"/></root>
 * </configuration>
 * }</pre>
 *
 * <p>Thread-safe once started, as any logback encoder.
 */
public class JsonLineEncoder extends EncoderBase<ILoggingEvent> {

    private static final byte[] LINE_SEPARATOR = System.lineSeparator().getBytes(StandardCharsets.UTF_8);

    private final JsonFactory factory = new JsonFactory()
            .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM)
            .disable(JsonFactory.Feature.USE_THREAD_LOCAL_FOR_BUFFER_RECYCLING);
    private volatile ThrowableHandlingConverter stackTraces;

    @Override
    public void start() {
        if (getContext() instanceof LoggerContext loggerContext) {
            JsonLogging.addTurboFilterOnce(loggerContext);
        }
        super.start();
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator generator = new SimpleValuesGenerator(factory.createGenerator(out, JsonEncoding.UTF8))) {
            generator.writeStartObject();
            writeFields(generator, event);
            generator.writeEndObject();
        } catch (IOException | RuntimeException e) {
            addError("bricks-observability: could not write a log line as JSON", e);
            return new byte[0];
        }
        out.writeBytes(LINE_SEPARATOR);
        return out.toByteArray();
    }

    private void writeFields(JsonGenerator generator, ILoggingEvent event) throws IOException {
        generator.writeStringField(LogFields.TIMESTAMP, IsoTimestamp.format(event.getTimeStamp()));
        LambdaFields.writeString(generator, LogFields.LEVEL, String.valueOf(event.getLevel()));
        LambdaFields.writeString(generator, LogFields.MESSAGE, event.getFormattedMessage());
        LambdaFields.writeString(generator, LogFields.LOGGER, event.getLoggerName());
        LambdaFields.writeString(generator, LogFields.THREAD, event.getThreadName());
        LambdaFields.write(generator, event);
        writeMdc(generator, event.getMDCPropertyMap());
        writeKeyValues(generator, event.getKeyValuePairs());
        writeArguments(generator, event.getArgumentArray());
        List<Marker> markers = event.getMarkerList();
        if (markers != null) {
            for (Marker marker : markers) {
                LogstashValues.writeMarker(generator, marker);
            }
        }
        IThrowableProxy throwable = event.getThrowableProxy();
        if (throwable != null) {
            LambdaFields.writeString(generator, LogFields.EXCEPTION_CLASS, throwable.getClassName());
            LambdaFields.writeString(generator, LogFields.EXCEPTION_MESSAGE, throwable.getMessage());
            LambdaFields.writeString(
                    generator, LogFields.STACK_TRACE, stackTraces().convert(event));
        }
    }

    private static void writeMdc(JsonGenerator generator, Map<String, String> mdc) throws IOException {
        if (mdc == null || mdc.isEmpty()) {
            return;
        }
        for (Map.Entry<String, String> entry : mdc.entrySet()) {
            String key = entry.getKey();
            if (key != null && entry.getValue() != null && !LogFields.MDC_KEYS.contains(key)) {
                generator.writeStringField(key, entry.getValue());
            }
        }
    }

    private static void writeKeyValues(JsonGenerator generator, List<KeyValuePair> pairs) throws IOException {
        if (pairs == null) {
            return;
        }
        for (KeyValuePair pair : pairs) {
            if (pair.key != null && pair.value != null) {
                generator.writeFieldName(pair.key);
                generator.writeObject(pair.value);
            }
        }
    }

    private static void writeArguments(JsonGenerator generator, Object[] arguments) throws IOException {
        if (arguments == null) {
            return;
        }
        for (Object argument : arguments) {
            if (argument != null && !isPlainValue(argument)) {
                LogstashValues.writeArgument(generator, argument);
            }
        }
    }

    /** Values that cannot be structured arguments: checked first so they never load logstash's classes. */
    private static boolean isPlainValue(Object argument) {
        return argument instanceof CharSequence
                || argument instanceof Number
                || argument instanceof Boolean
                || argument instanceof Character
                || argument instanceof Enum<?>;
    }

    /** Logback's converter for the {@code stack_trace} field (logstash's default), created on first use. */
    private ThrowableHandlingConverter stackTraces() {
        ThrowableHandlingConverter converter = stackTraces;
        if (converter == null) {
            synchronized (this) {
                converter = stackTraces;
                if (converter == null) {
                    converter = new ExtendedThrowableProxyConverter();
                    converter.setContext(getContext());
                    converter.start();
                    stackTraces = converter;
                }
            }
        }
        return converter;
    }
}
