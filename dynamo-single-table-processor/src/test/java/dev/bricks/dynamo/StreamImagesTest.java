package dev.bricks.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.core.dynamodb.OperationType;
import dev.bricks.core.dynamodb.StreamRecord;
import dev.bricks.dynamo.model.Order;
import dev.bricks.dynamo.model.OrderSchema;
import dev.bricks.dynamo.model.User;
import dev.bricks.dynamo.model.UserSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class StreamImagesTest {
    final StreamImages images = StreamImages.of(UserSchema.SCHEMA, OrderSchema.SCHEMA);

    /** Test-side inverse of the adapter: what core's parser would have produced from the stream JSON. */
    static dev.bricks.core.dynamodb.AttributeValue toCore(AttributeValue v) {
        return switch (v.type()) {
            case S -> new dev.bricks.core.dynamodb.AttributeValue.S(v.s());
            case N -> new dev.bricks.core.dynamodb.AttributeValue.N(v.n());
            case B -> new dev.bricks.core.dynamodb.AttributeValue.B(v.b().asByteArray());
            case BOOL -> new dev.bricks.core.dynamodb.AttributeValue.BOOL(v.bool());
            case NUL -> new dev.bricks.core.dynamodb.AttributeValue.NULL();
            case M -> new dev.bricks.core.dynamodb.AttributeValue.M(toCore(v.m()));
            case L ->
                new dev.bricks.core.dynamodb.AttributeValue.L(
                        v.l().stream().map(StreamImagesTest::toCore).toList());
            case SS -> new dev.bricks.core.dynamodb.AttributeValue.SS(v.ss());
            case NS -> new dev.bricks.core.dynamodb.AttributeValue.NS(v.ns());
            case BS ->
                new dev.bricks.core.dynamodb.AttributeValue.BS(new ArrayList<>(
                        v.bs().stream().map(b -> b.asByteArray()).toList()));
            default -> throw new IllegalArgumentException(v.toString());
        };
    }

    static Map<String, dev.bricks.core.dynamodb.AttributeValue> toCore(Map<String, AttributeValue> m) {
        Map<String, dev.bricks.core.dynamodb.AttributeValue> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, toCore(v)));
        return out;
    }

    static StreamRecord record(
            OperationType op, Map<String, AttributeValue> newImage, Map<String, AttributeValue> oldImage) {
        return new StreamRecord(
                "e1",
                op,
                null,
                "eu-west-1",
                null,
                Map.of(),
                toCore(newImage),
                toCore(oldImage),
                "100",
                10,
                "NEW_AND_OLD_IMAGES",
                null);
    }

    @Test
    void newImage_coreOrderRecord_decodesToOrder() {
        Order order = SchemaTest.fullOrder();
        StreamRecord r = record(OperationType.INSERT, OrderSchema.CODEC.toItem(order), Map.of());
        assertThat(images.newImage(r, Order.class)).contains(order);
        assertThat(images.decode(r)).contains(order);
        assertThat(images.oldImage(r, Order.class)).isEmpty();
    }

    @Test
    void newImage_otherEntityType_isEmptyForTypedDecode() {
        User u = User.of("u1", "a@b", "Ann");
        StreamRecord r = record(OperationType.MODIFY, UserSchema.CODEC.toItem(u), Map.of());
        assertThat(images.newImage(r, Order.class)).isEmpty();
        assertThat(images.newImage(r, User.class)).contains(u);
    }

    @Test
    void decode_sdkImageOfWrongType_throwsTypedError() {
        Map<String, AttributeValue> item = UserSchema.CODEC.toItem(User.of("u1", "a@b", "Ann"));
        assertThatThrownBy(() -> images.decode(item, Order.class))
                .isInstanceOf(EntityTypeMismatchException.class)
                .hasMessage("Item PK=USER#u1, SK=PROFILE has entity type 'USER', expected 'ORDER'");
    }

    @Test
    void decode_constraintItem_isNotAnEntity() {
        Map<String, AttributeValue> item =
                Map.of("PK", AttributeValue.fromS("UNIQUE#USER#Email#a"), "EntityType", AttributeValue.fromS("UNIQUE"));
        assertThat(images.isEntity(item)).isFalse();
        assertThat(images.decode(record(OperationType.INSERT, item, Map.of()))).isEmpty();
    }

    @Test
    void toSdk_everyCoreVariant_convertsExactly() {
        Map<String, AttributeValue> sdk = new LinkedHashMap<>();
        sdk.put("s", AttributeValue.fromS("x"));
        sdk.put("n", AttributeValue.fromN("1.50"));
        sdk.put("b", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[] {1, 2})));
        sdk.put("bool", AttributeValue.fromBool(true));
        sdk.put("nul", AttributeValue.fromNul(true));
        sdk.put("m", AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v"))));
        sdk.put("l", AttributeValue.fromL(List.of(AttributeValue.fromN("1"))));
        sdk.put("ss", AttributeValue.fromSs(List.of("a", "b")));
        sdk.put("ns", AttributeValue.fromNs(List.of("1", "2")));
        sdk.put("bs", AttributeValue.fromBs(List.of(software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[] {3
        }))));
        assertThat(CoreAttributeValues.toSdk(toCore(sdk))).isEqualTo(sdk);
    }
}
