package dev.bricks.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bricks.core.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link RecordCodec} gives what databind gives, and leaves to databind what it does not handle. */
class RecordCodecTest {

    enum Status {
        NEW,
        DONE
    }

    record Line(String sku, int quantity, Double price) {}

    record Order(
            String id,
            long version,
            boolean paid,
            Status status,
            UUID ref,
            Instant at,
            LocalDate day,
            Duration ttl,
            List<Line> lines,
            Set<String> tags,
            Line first) {}

    record Renamed(@JsonProperty("order_id") String orderId) {}

    record WithGetter(String a) {
        public String getExtra() {
            return "x";
        }
    }

    /** The same databind set-up as {@link JsonSupport}'s for writing: NON_NULL and the java.time module. */
    private static final ObjectMapper DATABIND = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(new TimeModule())
            .build();

    private static final Order ORDER = new Order(
            "o-1",
            7L,
            true,
            Status.DONE,
            UUID.fromString("0b6f5c8e-3f2a-4b8e-9d2c-1f0e7a6b5c4d"),
            Instant.parse("2026-12-03T12:00:00.123Z"),
            LocalDate.parse("2026-12-03"),
            Duration.ofMinutes(15),
            List.of(new Line("A", 2, 9.5), new Line("B", 1, null)),
            Set.of("x"),
            null);

    @Test
    void write_plainRecord_sameBytesAsDatabind() throws Exception {
        assertThat(RecordCodec.supports(Order.class)).isTrue();

        String ours = new String(JsonSupport.write(ORDER), StandardCharsets.UTF_8);

        assertThat(ours).isEqualTo(DATABIND.writeValueAsString(ORDER));
        assertThat(ours).doesNotContain("first").contains("\"at\":\"2026-12-03T12:00:00.123Z\"");
    }

    @Test
    void read_plainRecord_sameValueAsDatabind() throws Exception {
        byte[] json = DATABIND.writeValueAsBytes(ORDER);

        Order read = JsonSupport.read(json, Order.class);

        assertThat(read).isEqualTo(ORDER);
        assertThat(read.lines()).isInstanceOf(java.util.ArrayList.class);
    }

    @Test
    void bindValid_exactIntegerAsDecimal_boundAsInteger() {
        JsonValue tree = JsonSupport.tree("{\"sku\":\"A\",\"quantity\":2.0}".getBytes(StandardCharsets.UTF_8));

        Line line = JsonSupport.bindValid(tree, Line.class, Validator.of(Line.class));

        assertThat(line).isEqualTo(new Line("A", 2, null));
    }

    @Test
    void supports_jacksonAnnotationsOrExtraGetters_leftToDatabind() throws Exception {
        assertThat(RecordCodec.supports(Renamed.class)).isFalse();
        assertThat(RecordCodec.supports(WithGetter.class)).isFalse();

        assertThat(new String(JsonSupport.write(new Renamed("o-1")), StandardCharsets.UTF_8))
                .isEqualTo("{\"order_id\":\"o-1\"}");
        assertThat(new String(JsonSupport.write(new WithGetter("a")), StandardCharsets.UTF_8))
                .isEqualTo(DATABIND.writeValueAsString(new WithGetter("a")));
        assertThat(JsonSupport.read("{\"order_id\":\"o-2\"}".getBytes(StandardCharsets.UTF_8), Renamed.class))
                .isEqualTo(new Renamed("o-2"));
    }
}
