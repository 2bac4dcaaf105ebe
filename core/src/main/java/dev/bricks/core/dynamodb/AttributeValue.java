package dev.bricks.core.dynamodb;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A DynamoDB attribute value as it appears in a stream record image — Bricks' own small immutable model, so
 * that {@code core} needs no AWS SDK ({@code bricks-dynamo-single-table} adapts it to the SDK's type).
 *
 * <p>One record variant per DynamoDB type, named like the type's JSON tag: {@link S}, {@link N}, {@link B},
 * {@link BOOL}, {@link NULL}, {@link M}, {@link L}, {@link SS}, {@link NS}, {@link BS}. Numbers keep their
 * exact decimal text. Binary values are copied in and out. Every variant is immutable and thread-safe.
 *
 * <pre>{@code
 * switch (image.get("total")) {
 *     case AttributeValue.N n -> n.bigDecimal();
 *     ...
 * }
 * }</pre>
 */
public sealed interface AttributeValue {

    /**
     * A string.
     *
     * @param value never null
     */
    record S(String value) implements AttributeValue {
        /** Rejects null. */
        public S {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A number, as DynamoDB's exact decimal text.
     *
     * @param value never null
     */
    record N(String value) implements AttributeValue {
        /**
         * Rejects text that is not a decimal number.
         *
         * @throws IllegalArgumentException naming the value
         */
        public N {
            Objects.requireNonNull(value, "value");
            try {
                new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a DynamoDB number: '" + value + "'");
            }
        }

        /** The exact value. */
        public BigDecimal bigDecimal() {
            return new BigDecimal(value);
        }

        /**
         * The value as a long.
         *
         * @throws ArithmeticException when it has a fraction or does not fit
         */
        public long longValue() {
            return bigDecimal().longValueExact();
        }
    }

    /**
     * Binary data.
     *
     * @param value the bytes; a copy is kept and returned
     */
    record B(byte[] value) implements AttributeValue {
        /** Copies the bytes. */
        public B {
            value = Objects.requireNonNull(value, "value").clone();
        }

        /** A copy of the bytes. */
        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof B other && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "B[" + value.length + " bytes]";
        }
    }

    /**
     * A boolean.
     *
     * @param value the value
     */
    record BOOL(boolean value) implements AttributeValue {}

    /** The DynamoDB null. */
    record NULL() implements AttributeValue {}

    /**
     * A map.
     *
     * @param value never null; unmodifiable, keeps the stream's member order
     */
    record M(Map<String, AttributeValue> value) implements AttributeValue {
        /** Copies the map. */
        public M {
            value = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(value, "value")));
        }
    }

    /**
     * A list.
     *
     * @param value never null
     */
    record L(List<AttributeValue> value) implements AttributeValue {
        /** Copies the list. */
        public L {
            value = List.copyOf(value);
        }
    }

    /**
     * A string set, in the stream's order.
     *
     * @param value never null
     */
    record SS(List<String> value) implements AttributeValue {
        /** Copies the list. */
        public SS {
            value = List.copyOf(value);
        }
    }

    /**
     * A number set, as decimal texts.
     *
     * @param value never null
     */
    record NS(List<String> value) implements AttributeValue {
        /** Copies the list and checks each number. */
        public NS {
            value = List.copyOf(value);
            value.forEach(N::new);
        }
    }

    /**
     * A binary set.
     *
     * @param value never null; copies are kept and returned
     */
    record BS(List<byte[]> value) implements AttributeValue {
        /** Copies the list and each element. */
        public BS {
            value = value.stream().map(byte[]::clone).toList();
        }

        /** Copies of the elements. */
        @Override
        public List<byte[]> value() {
            return value.stream().map(byte[]::clone).toList();
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof BS other) || other.value.size() != value.size()) {
                return false;
            }
            for (int i = 0; i < value.size(); i++) {
                if (!Arrays.equals(value.get(i), other.value.get(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = 1;
            for (byte[] b : value) {
                h = 31 * h + Arrays.hashCode(b);
            }
            return h;
        }

        @Override
        public String toString() {
            return "BS[" + value.size() + " values]";
        }
    }

    /** Shortcut for {@code new S(value)}. */
    static AttributeValue s(String value) {
        return new S(value);
    }

    /** Shortcut for {@code new N(value)}. */
    static AttributeValue n(String value) {
        return new N(value);
    }
}
