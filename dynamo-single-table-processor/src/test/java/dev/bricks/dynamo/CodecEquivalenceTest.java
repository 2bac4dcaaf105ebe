package dev.bricks.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.dynamo.model.Address;
import dev.bricks.dynamo.model.Customer;
import dev.bricks.dynamo.model.CustomerSchema;
import dev.bricks.dynamo.model.Invoice;
import dev.bricks.dynamo.model.InvoiceSchema;
import dev.bricks.dynamo.model.Money;
import dev.bricks.dynamo.model.OrderSchema;
import dev.bricks.dynamo.model.OrderStatus;
import dev.bricks.dynamo.model.Sample;
import dev.bricks.dynamo.model.SampleSchema;
import dev.bricks.dynamo.schema.ItemCodec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The generated codecs store and read exactly what the enhanced client's table schemas (the opt-in) do. */
class CodecEquivalenceTest {

    static Sample full() {
        return new Sample(
                "s1",
                LocalDate.parse("2026-01-02"),
                3,
                1L << 40,
                (short) 7,
                (byte) -2,
                0.1,
                1.5f,
                true,
                42,
                -5L,
                1.0e20,
                false,
                'x',
                new BigDecimal("1E+3"),
                new BigInteger("123456789012345678901234567890"),
                Instant.parse("2026-01-02T03:04:05.123456789Z"),
                LocalDateTime.parse("2026-01-02T03:04:05"),
                LocalTime.parse("10:15"),
                OffsetDateTime.parse("2026-01-02T03:04:05+01:00"),
                ZonedDateTime.parse("2026-01-02T03:04:05+01:00[Europe/Paris]"),
                Duration.ofMillis(-1500),
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                SdkBytes.fromUtf8String("bytes"),
                new byte[] {1, 2, 3},
                OrderStatus.PAID,
                List.of(new Address("Main St 1", "Berlin", null, Arrays.asList("c/o X", null))),
                Map.of("a", List.of(1, 2)),
                new LinkedHashSet<>(List.of(1, 2)),
                Set.of(SdkBytes.fromUtf8String("b")),
                Set.of(OrderStatus.SHIPPED),
                List.of(OrderStatus.CREATED, OrderStatus.SHIPPED),
                new Address(null, null, null, null));
    }

    static Sample sparse() {
        return new Sample(
                "s2",
                LocalDate.parse("2026-01-02"),
                0,
                0,
                (short) 0,
                (byte) 0,
                0,
                0,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Duration.ofSeconds(2),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static <T> void assertSameAsEnhanced(ItemCodec<T> codec, TableSchema<T> enhanced, T entity) {
        Map<String, AttributeValue> item = codec.toItem(entity);
        assertThat(item).isEqualTo(enhanced.itemToMap(entity, true));
        T read = codec.fromItem(item);
        assertThat(codec.toItem(read)).isEqualTo(enhanced.itemToMap(enhanced.mapToItem(item), true));
    }

    @Test
    void toItem_everyComponentType_equalsEnhancedTableSchema() {
        assertSameAsEnhanced(SampleSchema.CODEC, SampleSchema.Enhanced.TABLE_SCHEMA, full());
    }

    @Test
    void toItem_nullsAndPrimitiveZeros_equalsEnhancedTableSchema() {
        assertSameAsEnhanced(SampleSchema.CODEC, SampleSchema.Enhanced.TABLE_SCHEMA, sparse());
    }

    @Test
    void toItem_orderWithTtlVersionAndDocument_equalsEnhancedTableSchema() {
        assertSameAsEnhanced(OrderSchema.CODEC, OrderSchema.Enhanced.TABLE_SCHEMA, SchemaTest.fullOrder());
    }

    @Test
    void toItem_javaBean_equalsEnhancedTableSchema() {
        Customer c = new Customer("c1", "Ann");
        assertSameAsEnhanced(CustomerSchema.CODEC, CustomerSchema.Enhanced.TABLE_SCHEMA, c);
        assertThat(CustomerSchema.CODEC.fromItem(CustomerSchema.CODEC.toItem(c)))
                .isEqualTo(c);
    }

    @Test
    void toItem_convertedComponent_usesTheUsersConverter() {
        Invoice i = new Invoice("i1", new Money(1234, "EUR"));
        assertSameAsEnhanced(InvoiceSchema.CODEC, InvoiceSchema.Enhanced.TABLE_SCHEMA, i);
        assertThat(InvoiceSchema.CODEC.fromItem(InvoiceSchema.CODEC.toItem(i))).isEqualTo(i);
    }

    @Test
    void fromItem_itemWrittenByEnhancedClient_readsEqualValues() {
        Sample s = full();
        Sample read = SampleSchema.CODEC.fromItem(SampleSchema.Enhanced.TABLE_SCHEMA.itemToMap(s, true));
        assertThat(read.raw()).containsExactly(1, 2, 3);
        assertThat(read.took()).isEqualTo(Duration.ofMillis(-1500));
        assertThat(read.at()).isEqualTo(s.at());
        assertThat(read.zonedAt()).isEqualTo(s.zonedAt());
        assertThat(read.history()).containsExactly(OrderStatus.CREATED, OrderStatus.SHIPPED);
        assertThat(read.addresses().get(0).lines()).containsExactly("c/o X", null);
        assertThat(read.home())
                .as("a document of nulls reads as null, as with the enhanced client")
                .isNull();
    }

    @Test
    void attributeValue_typedConditionValue_usesTheStoredFormat() {
        assertThat(OrderSchema.EXPIRES_AT.toAttributeValue(Instant.ofEpochSecond(60)))
                .isEqualTo(AttributeValue.fromN("60"));
        assertThat(SampleSchema.TOOK.toAttributeValue(Duration.ofSeconds(1))).isEqualTo(AttributeValue.fromN("1"));
        assertThat(SampleSchema.STATUS.toAttributeValue(null)).isEqualTo(AttributeValue.fromNul(true));
        assertThatThrownBy(() -> SampleSchema.CODEC.attributeValue("nope", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Sample has no component 'nope'");
    }

    @Test
    void toItem_notANumber_isRefused() {
        Sample s = sparse();
        Sample nan = new Sample(
                "s3",
                s.day(),
                0,
                0,
                (short) 0,
                (byte) 0,
                Double.NaN,
                0,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThatThrownBy(() -> SampleSchema.CODEC.toItem(nan))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
    }
}
