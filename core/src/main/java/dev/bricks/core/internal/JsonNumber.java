package dev.bricks.core.internal;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Internal: a JSON number, held as the parser read it: an {@code Integer}, {@code Long} or {@code BigInteger}
 * for an integer, a {@code Double} for a number with a fraction or exponent (as databind's tree holds them), or
 * a {@code BigDecimal} or {@code BigInteger} that strict binding converted exactly.
 *
 * <p><b>Not API</b> (see the package documentation).
 */
public final class JsonNumber extends JsonValue {

    private final Number value;

    /** A number; {@code value} is an Integer, Long, BigInteger, Double or BigDecimal. */
    public JsonNumber(Number value) {
        this.value = value;
    }

    @Override
    public boolean isNumber() {
        return true;
    }

    @Override
    public boolean isIntegralNumber() {
        return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
    }

    @Override
    public boolean isValueNode() {
        return true;
    }

    @Override
    public Number numberValue() {
        return value;
    }

    @Override
    public int intValue() {
        return value.intValue();
    }

    @Override
    public long longValue() {
        return value.longValue();
    }

    @Override
    public double doubleValue() {
        return value.doubleValue();
    }

    @Override
    public BigInteger bigIntegerValue() {
        if (value instanceof BigInteger b) {
            return b;
        }
        if (value instanceof Integer || value instanceof Long) {
            return BigInteger.valueOf(value.longValue());
        }
        return decimalValue().toBigInteger();
    }

    @Override
    public BigDecimal decimalValue() {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d); // NumberFormatException when infinite, as databind's DoubleNode
        }
        return BigDecimal.valueOf(value.longValue());
    }

    @Override
    public boolean asBoolean() {
        return isIntegralNumber() && bigIntegerValue().signum() != 0;
    }

    @Override
    public String asText() {
        return value.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonNumber n && n.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
