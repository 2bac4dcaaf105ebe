package dev.bricks.core.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bricks.core.json.Json;
import dev.bricks.core.validation.Validator;
import dev.bricks.core.validation.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same records compiled with the processor ({@code $$BricksRecord}) and without it (annotations and type
 * annotations read by reflection): {@link Validator} finds the same violations, in the same order.
 */
class GeneratedConstraintsTest {

    private static final List<String> BODIES = List.of(
            "{\"userId\":\"u1\",\"tags\":[\"ab\"],\"items\":[{\"sku\":\"s\",\"quantity\":2}],\"currency\":\"EUR\"}",
            "{\"userId\":\" \",\"tags\":[\"a\",\" \",\"ok\",\"too-many\"],\"items\":[],\"currency\":\"eur\"}",
            "{\"userId\":\"a-very-long-user\",\"tags\":[],\"items\":[{\"sku\":\"\",\"quantity\":0},{\"sku\":\"x\",\"quantity\":100}],"
                    + "\"notes\":[null,\"n\"],\"gift\":{\"sku\":\" \",\"quantity\":-1}}",
            "{\"tags\":[null],\"items\":[null]}",
            "{\"userId\":\"u\",\"tags\":[\"a\",\" \"],\"items\":[{\"sku\":\"s\",\"quantity\":1}],\"currency\":\"EUR\"}");

    @Test
    void validate_sameValuesBothWays_sameViolations() throws Exception {
        Class<?> generated = CompiledSamples.generated().loadClass("sample.OrdersHandler$CreateOrder");
        Class<?> reflected = CompiledSamples.reflected().loadClass("sample.OrdersHandler$CreateOrder");
        int total = 0;
        for (String body : BODIES) {
            List<Violation> a = violations(generated, body);
            List<Violation> b = violations(reflected, body);
            assertThat(a).as(body).isEqualTo(b);
            total += a.size();
        }
        assertThat(violations(generated, BODIES.get(0))).isEmpty();
        assertThat(violations(generated, BODIES.get(1)))
                .extracting(Violation::field)
                .containsExactly("userId", "tags", "items", "currency");
        assertThat(violations(generated, BODIES.get(4)))
                .containsExactly(new Violation("tags[0]", "too short"), new Violation("tags[1]", "must not be blank"));
        assertThat(total).isGreaterThan(15);
        assertThat(CompiledSamples.generatedLoaded())
                .contains("sample.OrdersHandler$CreateOrder$$BricksRecord", "sample.OrdersHandler$Item$$BricksRecord");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Violation> violations(Class<?> type, String body) {
        Object value = Json.read(body, type);
        return ((Validator) Validator.of(type)).validate(value);
    }
}
