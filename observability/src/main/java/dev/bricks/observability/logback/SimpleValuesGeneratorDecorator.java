package dev.bricks.observability.logback;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import net.logstash.logback.decorate.JsonGeneratorDecorator;

/**
 * Writes strings, numbers, booleans and nulls given to {@code writeObject} (key-value pairs, structured
 * arguments, markers) with jackson-core alone, so logging such values never reaches jackson-databind's
 * serializers; any other object still goes to the encoder's {@code ObjectMapper}. This keeps databind's
 * serializer machinery off a cold start's first log lines.
 *
 * <p>Stateless and thread-safe. Usable in a user's logback.xml as
 * {@code <jsonGeneratorDecorator class="dev.bricks.observability.logback.SimpleValuesGeneratorDecorator"/>}.
 */
public class SimpleValuesGeneratorDecorator implements JsonGeneratorDecorator {

    @Override
    public JsonGenerator decorate(JsonGenerator generator) {
        return new SimpleValuesGenerator(generator);
    }

    private static final class SimpleValuesGenerator extends JsonGeneratorDelegate {

        SimpleValuesGenerator(JsonGenerator delegate) {
            super(delegate, false);
        }

        @Override
        public void writeObject(Object value) throws IOException {
            if (!writeSimple(value)) {
                super.writeObject(value);
            }
        }

        @Override
        public void writePOJO(Object value) throws IOException {
            if (!writeSimple(value)) {
                super.writePOJO(value);
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
    }
}
