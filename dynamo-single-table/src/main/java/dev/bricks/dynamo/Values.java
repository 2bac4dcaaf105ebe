package dev.bricks.dynamo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Conversion of simple scalar values (set/list elements, key parts) to attribute values. */
final class Values {
    private Values() {}

    static AttributeValue of(Object v) {
        if (v == null) {
            return AttributeValue.fromNul(true);
        }
        if (v instanceof AttributeValue a) {
            return a;
        }
        if (v instanceof String s) {
            return AttributeValue.fromS(s);
        }
        if (v instanceof BigDecimal d) {
            return AttributeValue.fromN(d.toPlainString());
        }
        if (v instanceof Number n) {
            return AttributeValue.fromN(n.toString());
        }
        if (v instanceof Boolean b) {
            return AttributeValue.fromBool(b);
        }
        if (v instanceof Enum<?> e) {
            return AttributeValue.fromS(e.name());
        }
        if (v instanceof Instant || v instanceof UUID) {
            return AttributeValue.fromS(v.toString());
        }
        if (v instanceof byte[] b) {
            return AttributeValue.fromB(SdkBytes.fromByteArray(b));
        }
        throw new IllegalArgumentException("Cannot convert a " + v.getClass().getName()
                + " to an attribute value here; use the attribute's own constant");
    }

    static Long asLong(AttributeValue v) {
        return v == null || v.n() == null ? null : Long.valueOf(v.n());
    }
}
