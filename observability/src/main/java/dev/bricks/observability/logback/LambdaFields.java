package dev.bricks.observability.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bricks.observability.LogFields;
import dev.bricks.observability.internal.FunctionInfo;
import java.io.IOException;
import java.util.Map;

/**
 * Writes Bricks' Lambda fields in a fixed order: {@code service}, {@code function_name},
 * {@code function_version}, {@code function_memory_size} (number) computed once per environment, then the
 * per-invocation MDC values {@code function_arn}, {@code function_request_id}, {@code cold_start} (boolean),
 * {@code correlation_id}, {@code xray_trace_id} and {@code debug_sampled}. Unknown values are left out. Shared
 * by {@link JsonLineEncoder} and the logstash provider {@link BricksFieldsJsonProvider}. Stateless, thread-safe.
 */
final class LambdaFields {

    private LambdaFields() {}

    static void write(JsonGenerator generator, ILoggingEvent event) throws IOException {
        FunctionInfo.Values info = FunctionInfo.current();
        writeString(generator, LogFields.SERVICE, info.service());
        writeString(generator, LogFields.FUNCTION_NAME, info.functionName());
        writeString(generator, LogFields.FUNCTION_VERSION, info.functionVersion());
        if (info.memorySize() != null) {
            generator.writeNumberField(LogFields.FUNCTION_MEMORY_SIZE, info.memorySize());
        }
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc == null || mdc.isEmpty()) {
            return;
        }
        writeString(generator, LogFields.FUNCTION_ARN, mdc.get(LogFields.FUNCTION_ARN));
        writeString(generator, LogFields.FUNCTION_REQUEST_ID, mdc.get(LogFields.FUNCTION_REQUEST_ID));
        String coldStart = mdc.get(LogFields.COLD_START);
        if (coldStart != null) {
            generator.writeBooleanField(LogFields.COLD_START, Boolean.parseBoolean(coldStart));
        }
        writeString(generator, LogFields.CORRELATION_ID, mdc.get(LogFields.CORRELATION_ID));
        writeString(generator, LogFields.XRAY_TRACE_ID, mdc.get(LogFields.XRAY_TRACE_ID));
        if (mdc.get(LogFields.DEBUG_SAMPLED) != null) {
            generator.writeBooleanField(LogFields.DEBUG_SAMPLED, true);
        }
    }

    static void writeString(JsonGenerator generator, String name, String value) throws IOException {
        if (value != null) {
            generator.writeStringField(name, value);
        }
    }
}
