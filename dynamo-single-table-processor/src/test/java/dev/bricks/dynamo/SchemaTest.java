package dev.bricks.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.dynamo.model.Address;
import dev.bricks.dynamo.model.Order;
import dev.bricks.dynamo.model.OrderSchema;
import dev.bricks.dynamo.model.OrderStatus;
import dev.bricks.dynamo.model.UserSchema;
import dev.bricks.dynamo.schema.KeyTemplate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class SchemaTest {
    static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    static Order fullOrder() {
        return new Order(
                "Ord-AbC",
                "UsEr-1",
                List.of("SKU-1", "SKU-2"),
                OrderStatus.PAID,
                T0,
                new BigDecimal("12.34"),
                new Address("Main St 1", "Berlin", "10115", List.of("c/o X")),
                Map.of("SKU-1", 2),
                Set.of("gift"),
                "note",
                T0.plusSeconds(3600),
                7);
    }

    @Test
    void toItem_order_storesComposedKeysExactlyAndEntityType() {
        Map<String, AttributeValue> item = OrderSchema.CODEC.toItem(fullOrder());
        assertThat(item.get("PK").s()).isEqualTo("USER#UsEr-1");
        assertThat(item.get("SK").s()).isEqualTo("ORDER#Ord-AbC");
        assertThat(item.get("GSI1PK").s()).isEqualTo("STATUS#PAID");
        assertThat(item.get("GSI1SK").s()).isEqualTo("2026-01-02T03:04:05Z#Ord-AbC");
        assertThat(item.get("EntityType").s()).isEqualTo("ORDER");
    }

    @Test
    void toItem_order_convertsEveryComponentType() {
        Map<String, AttributeValue> item = OrderSchema.CODEC.toItem(fullOrder());
        assertThat(item.get("Status").s()).isEqualTo("PAID");
        assertThat(item.get("CreatedAt").s()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(item.get("total").n()).isEqualTo("12.34");
        assertThat(item.get("Skus").l()).extracting(AttributeValue::s).containsExactly("SKU-1", "SKU-2");
        assertThat(item.get("shipTo").m().get("city").s()).isEqualTo("Berlin");
        assertThat(item.get("quantities").m().get("SKU-1").n()).isEqualTo("2");
        assertThat(item.get("tags").ss()).containsExactly("gift");
        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(T0.getEpochSecond() + 3600));
        assertThat(item.get("version").n()).isEqualTo("7");
    }

    @Test
    void fromItem_roundTrip_returnsEqualRecord() {
        Order o = fullOrder();
        assertThat(OrderSchema.CODEC.fromItem(OrderSchema.CODEC.toItem(o))).isEqualTo(o);
    }

    @Test
    void toItem_nullIndexComponent_omitsSparseIndexKey() {
        Order o = Order.of("u", "o", null, T0);
        Map<String, AttributeValue> item = OrderSchema.CODEC.toItem(o);
        assertThat(item).doesNotContainKey("GSI1PK").containsKey("GSI1SK");
    }

    @Test
    void toItem_nullPrimaryComponent_throwsNamingTheComponent() {
        Order o = Order.of(null, "o", OrderStatus.PAID, T0);
        assertThatThrownBy(() -> OrderSchema.CODEC.toItem(o))
                .isInstanceOf(KeyTemplateMissingValueException.class)
                .hasMessageContaining("'USER#{userId}' of ORDER PK is missing a value for [userId]");
    }

    @Test
    void key_generatedBuilder_composesKeyWithoutCaseFolding() {
        EntityKey<Order> k = OrderSchema.key("AbC", "XyZ");
        assertThat(k.key())
                .containsEntry("PK", AttributeValue.fromS("USER#AbC"))
                .containsEntry("SK", AttributeValue.fromS("ORDER#XyZ"));
        assertThat(UserSchema.key("U1").key()).containsEntry("SK", AttributeValue.fromS("PROFILE"));
    }

    @Test
    void key_nullComponent_throwsNamingIt() {
        assertThatThrownBy(() -> OrderSchema.key("u", null))
                .isInstanceOf(KeyTemplateMissingValueException.class)
                .hasMessageContaining("missing a value for [orderId]");
    }

    @Test
    void schema_metadata_reflectsAnnotations() {
        assertThat(OrderSchema.SCHEMA.versionAttribute()).isEqualTo("version");
        assertThat(OrderSchema.SCHEMA.ttlAttribute()).isEqualTo("expiresAt");
        assertThat(UserSchema.SCHEMA.uniqueComponents()).containsExactly("email");
        assertThat(UserSchema.SCHEMA.createdAtAttribute()).isEqualTo("createdAt");
        assertThat(OrderSchema.SCHEMA.index("GSI1").skTemplate().components()).containsExactly("createdAt", "orderId");
        assertThat(OrderSchema.STATUS.name()).isEqualTo("Status");
        assertThat(OrderSchema.gsi1(OrderStatus.PAID).pkValue()).isEqualTo("STATUS#PAID");
    }

    @Test
    void keyTemplate_renderPrefix_rendersLeadingComponents() {
        KeyTemplate t = KeyTemplate.parse("t", "A#{x}#B#{y}");
        assertThat(t.renderPrefix()).isEqualTo("A#");
        assertThat(t.renderPrefix("1")).isEqualTo("A#1#B#");
        assertThat(t.renderPrefix("1", "2")).isEqualTo("A#1#B#2");
        assertThatThrownBy(() -> t.renderPrefix("1", "2", "3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 2 components");
    }
}
