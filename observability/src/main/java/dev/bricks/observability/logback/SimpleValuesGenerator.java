package dev.bricks.observability.logback;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A generator that writes strings, numbers, booleans and nulls given to {@code writeObject} / {@code writePOJO}
 * (key-value pairs, structured arguments, markers) with jackson-core alone; any other object (records, maps,
 * lists) goes to the generator's codec, and when it has none, to a plain {@code ObjectMapper} created on first
 * need (as logstash-logback-encoder configures its own: empty beans allowed). So logging simple values never
 * loads jackson-databind's serializers. Not thread-safe (one per log line, as any generator).
 */
final class SimpleValuesGenerator extends JsonGeneratorDelegate {

    SimpleValuesGenerator(JsonGenerator delegate) {
        super(delegate, false);
    }

    @Override
    public void writeObject(Object value) throws IOException {
        if (!writeSimple(value)) {
            ensureCodec();
            super.writeObject(value);
        }
    }

    @Override
    public void writePOJO(Object value) throws IOException {
        if (!writeSimple(value)) {
            ensureCodec();
            super.writePOJO(value);
        }
    }

    private void ensureCodec() {
        if (delegate.getCodec() == null) {
            NestedValues.setOn(delegate);
        }
    }

    private boolean writeSimple(Object value) throws IOException {
        if (value == null) {
            writeNull();
        } else if (value instanceof String s) {
            writeString(s);
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            writeNumber(((Number) value).longValue());
        } else if (value instanceof Double d) {
            writeNumber(d);
        } else if (value instanceof Float f) {
            writeNumber(f);
        } else if (value instanceof BigDecimal b) {
            writeNumber(b);
        } else if (value instanceof BigInteger b) {
            writeNumber(b);
        } else if (value instanceof Boolean b) {
            writeBoolean(b);
        } else if (value instanceof CharSequence s) {
            writeString(s.toString());
        } else {
            return false;
        }
        return true;
    }

    /** The mapper for nested values, created when the first one is logged (an init-once cache). */
    private static final class NestedValues {
        static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

        /**
         * Here, not in the caller: verifying the assignment of an {@code ObjectMapper} to a generator's codec
         * loads {@code ObjectMapper}, and this class is verified only when a nested value is first logged.
         */
        static void setOn(JsonGenerator generator) {
            generator.setCodec(MAPPER);
        }
    }
}
