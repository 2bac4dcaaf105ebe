package dev.bricks.observability.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimpleValuesGeneratorDecoratorTest {

    /** An ObjectMapper that fails when asked to serialize: proves simple values never reach databind. */
    private static final ObjectCodec FORBIDDEN = new ObjectMapper() {
        @Override
        public void writeValue(JsonGenerator g, Object value) {
            throw new IllegalStateException("databind asked to write " + value);
        }
    };

    private static String write(Object... values) throws Exception {
        StringWriter out = new StringWriter();
        JsonGenerator generator = new JsonFactory().createGenerator(out);
        generator.setCodec(FORBIDDEN);
        JsonGenerator decorated = new SimpleValuesGeneratorDecorator().decorate(generator);
        decorated.writeStartArray();
        for (Object value : values) {
            decorated.writeObject(value);
        }
        decorated.writeEndArray();
        decorated.flush();
        return out.toString();
    }

    @Test
    void writeObject_simpleValues_writtenWithoutDatabind() throws Exception {
        assertThat(write(
                        "s",
                        1,
                        2L,
                        (short) 3,
                        (byte) 4,
                        1.5,
                        2.5f,
                        new BigDecimal("9.99"),
                        new java.math.BigInteger("12345678901234567890"),
                        true,
                        null,
                        new StringBuilder("sb")))
                .isEqualTo("[\"s\",1,2,3,4,1.5,2.5,9.99,12345678901234567890,true,null,\"sb\"]");
    }

    @Test
    void writeObject_otherObject_delegatedToTheCodec() {
        assertThatThrownBy(() -> write(Map.of("a", 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("databind asked");
    }
}
