package dev.bricks.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values Bricks writes without databind come out byte for byte as Bricks' databind configuration
 * ({@link DatabindFallback}, the way Bricks always wrote them) writes them; the rest is left to databind.
 */
class ValueWriterTest {

    enum Kind {
        A,
        B
    }

    record Violation(String field, String message) {}

    record Nested(String id, Kind kind, List<Violation> errors, Instant at) {}

    /** A bean, not a record: databind's business. */
    public static final class Bean {
        public String getName() {
            return "bean";
        }
    }

    static Stream<Arguments> writtenByBricks() {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://bricks.dev/problems/validation");
        problem.put("title", "Unprocessable Content");
        problem.put("status", 422);
        problem.put("detail", null);
        problem.put("errors", List.of(new Violation("items[0]", "must not be blank")));
        List<Object> withNulls = new ArrayList<>(Arrays.asList("a", null, 3));
        Map<String, Object> numbers = new TreeMap<>();
        numbers.put("int", 7);
        numbers.put("long", 9_000_000_000L);
        numbers.put("short", (short) 3);
        numbers.put("byte", (byte) -2);
        numbers.put("double", 0.1);
        numbers.put("float", 1.5f);
        numbers.put("nan", Double.NaN);
        numbers.put("decimal", new BigDecimal("1E+3"));
        numbers.put("big", new BigInteger("123456789012345678901234567890"));
        return Stream.of(
                Arguments.of(problem),
                Arguments.of(withNulls),
                Arguments.of(numbers),
                Arguments.of(new LinkedHashSet<>(List.of("x", "y"))),
                Arguments.of(
                        Map.of("nested", new Nested("n-1", Kind.B, List.of(), Instant.parse("2026-12-03T12:00:00Z")))),
                Arguments.of(List.of(
                        Kind.A, UUID.fromString("0b6f5c8e-3f2a-4b8e-9d2c-1f0e7a6b5c4d"), Duration.ofMinutes(5))),
                Arguments.of("text with \"quotes\" and \u00e9 and \u2028"),
                Arguments.of(true),
                Arguments.of(Map.of()));
    }

    @ParameterizedTest
    @MethodSource("writtenByBricks")
    void write_plainValue_sameBytesAsDatabindWithoutIt(Object value) throws Exception {
        StringWriter direct = new StringWriter();
        try (JsonGenerator out = new JsonFactory().createGenerator(direct)) {
            ValueWriter.write(value, out); // throws Unsupported if this value would go to databind
        }

        assertThat(JsonSupport.write(value)).isEqualTo(DatabindFallback.write(value));
        assertThat(direct.toString()).isEqualTo(new String(DatabindFallback.write(value), StandardCharsets.UTF_8));
    }

    static Stream<Arguments> leftToDatabind() {
        return Stream.of(
                Arguments.of('c'),
                Arguments.of(new StringBuilder("sb")),
                Arguments.of(new int[] {1, 2}),
                Arguments.of(new Bean()),
                Arguments.of(Map.of(1, "one")),
                Arguments.of(List.of(new AtomicLong(5))),
                Arguments.of(Map.of("bean", new Bean())));
    }

    @ParameterizedTest
    @MethodSource("leftToDatabind")
    void write_otherTypes_leftToDatabindWithTheSameResult(Object value) throws Exception {
        try (JsonGenerator out = new JsonFactory().createGenerator(new StringWriter())) {
            assertThatThrownBy(() -> ValueWriter.write(value, out)).isInstanceOf(ValueWriter.Unsupported.class);
        }

        assertThat(JsonSupport.write(value)).isEqualTo(DatabindFallback.write(value));
    }
}
