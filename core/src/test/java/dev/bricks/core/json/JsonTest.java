package dev.bricks.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Line(String sku, int quantity) {}

    record Order(String id, List<Line> lines, String note) {}

    @Test
    void readWrite_record_roundTripsAndOmitsNulls() {
        Order order = new Order("o1", List.of(new Line("A", 2)), null);

        String json = Json.writeString(order);

        assertThat(json).isEqualTo("{\"id\":\"o1\",\"lines\":[{\"sku\":\"A\",\"quantity\":2}]}");
        assertThat(Json.read(json, Order.class)).isEqualTo(order);
    }

    @Test
    void read_unknownMembers_areIgnored() {
        assertThat(Json.read("{\"id\":\"o1\",\"extra\":true}", Order.class).id())
                .isEqualTo("o1");
    }

    @Test
    void read_malformed_throwsMalformedWithLocationButNotInput() {
        assertThatThrownBy(() -> Json.read("{\"id\":\"secret-value\",", Order.class))
                .isInstanceOfSatisfying(JsonException.class, e -> {
                    assertThat(e.kind()).isEqualTo(JsonException.Kind.MALFORMED);
                    assertThat(e.getMessage())
                            .startsWith("malformed JSON at line 1")
                            .doesNotContain("secret-value");
                });
    }

    @Test
    void read_wrongType_throwsMismatchWithPath() {
        assertThatThrownBy(() -> Json.read("{\"lines\":[{\"quantity\":\"x\"}]}", Order.class))
                .isInstanceOfSatisfying(JsonException.class, e -> {
                    assertThat(e.kind()).isEqualTo(JsonException.Kind.MISMATCH);
                    assertThat(e.path()).isEqualTo("lines[0].quantity");
                    assertThat(e.getMessage()).isEqualTo("lines[0].quantity must be an integer");
                });
    }

    @Test
    void read_trailingTokensOrNull_areRejected() {
        assertThatThrownBy(() -> Json.read("{} {}", Order.class)).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Json.read("null", Order.class))
                .isInstanceOfSatisfying(
                        JsonException.class, e -> assertThat(e.kind()).isEqualTo(JsonException.Kind.MISMATCH));
    }
}
