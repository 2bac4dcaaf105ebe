package dev.bricks.dynamo.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Scalar conversions used by generated {@link ItemCodec}s, in the enhanced client's stored formats (numbers as
 * {@code N} in {@code toString()} notation, times and UUIDs as ISO/{@code toString()} strings, {@code Duration} as
 * {@code N} seconds (nine decimals when fractional), {@code @Ttl} instants as epoch seconds). Readers take a possibly absent or
 * {@code NULL} value and return null for it. Stateless and thread-safe.
 */
public final class AttributeCodecs {
    /** The {@code NULL} attribute value. */
    public static final AttributeValue NUL = AttributeValue.fromNul(true);

    private AttributeCodecs() {}

    /** True for an absent or {@code NULL} attribute value. */
    public static boolean isNull(AttributeValue a) {
        return a == null || Boolean.TRUE.equals(a.nul());
    }

    /** True when every attribute of a document is absent or {@code NULL} (such a document reads as null). */
    public static boolean allNull(Map<String, AttributeValue> document) {
        for (AttributeValue a : document.values()) {
            if (!isNull(a)) {
                return false;
            }
        }
        return true;
    }

    /** A number in {@code N} form; refuses NaN and infinities as DynamoDB does. */
    public static AttributeValue fromDouble(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("DynamoDB cannot store the number " + v);
        }
        return AttributeValue.fromN(Double.toString(v));
    }

    /** A number in {@code N} form; refuses NaN and infinities as DynamoDB does. */
    public static AttributeValue fromFloat(float v) {
        if (Float.isNaN(v) || Float.isInfinite(v)) {
            throw new IllegalArgumentException("DynamoDB cannot store the number " + v);
        }
        return AttributeValue.fromN(Float.toString(v));
    }

    /** A duration as {@code N} seconds, with nine decimals when it has a fraction ({@code 1.500000000}). */
    public static AttributeValue fromDuration(Duration v) {
        if (v.getNano() == 0) {
            return AttributeValue.fromN(Long.toString(v.getSeconds()));
        }
        return AttributeValue.fromN(BigDecimal.valueOf(v.getSeconds())
                .add(BigDecimal.valueOf(v.getNano(), 9))
                .toPlainString());
    }

    /** An instant as {@code N} epoch seconds (for {@code @Ttl}). */
    public static AttributeValue fromEpochSeconds(Instant v) {
        return AttributeValue.fromN(Long.toString(v.getEpochSecond()));
    }

    public static String toStr(AttributeValue a) {
        return isNull(a) ? null : a.s();
    }

    public static Character toCharacter(AttributeValue a) {
        return isNull(a) || a.s() == null || a.s().isEmpty() ? null : a.s().charAt(0);
    }

    public static Integer toInteger(AttributeValue a) {
        return isNull(a) ? null : Integer.valueOf(a.n());
    }

    public static Long toLong(AttributeValue a) {
        return isNull(a) ? null : Long.valueOf(a.n());
    }

    public static Short toShort(AttributeValue a) {
        return isNull(a) ? null : Short.valueOf(a.n());
    }

    public static Byte toByte(AttributeValue a) {
        return isNull(a) ? null : Byte.valueOf(a.n());
    }

    public static Double toDouble(AttributeValue a) {
        return isNull(a) ? null : Double.valueOf(a.n());
    }

    public static Float toFloat(AttributeValue a) {
        return isNull(a) ? null : Float.valueOf(a.n());
    }

    public static BigDecimal toBigDecimal(AttributeValue a) {
        return isNull(a) ? null : new BigDecimal(a.n());
    }

    public static BigInteger toBigInteger(AttributeValue a) {
        return isNull(a) ? null : new BigInteger(a.n());
    }

    public static Boolean toBoolean(AttributeValue a) {
        return isNull(a) ? null : a.bool();
    }

    public static Instant toInstant(AttributeValue a) {
        return isNull(a) ? null : Instant.parse(a.s());
    }

    public static Instant toEpochSecondsInstant(AttributeValue a) {
        return isNull(a) || a.n() == null ? null : Instant.ofEpochSecond(Long.parseLong(a.n()));
    }

    public static LocalDate toLocalDate(AttributeValue a) {
        return isNull(a) ? null : LocalDate.parse(a.s());
    }

    public static LocalDateTime toLocalDateTime(AttributeValue a) {
        return isNull(a) ? null : LocalDateTime.parse(a.s());
    }

    public static LocalTime toLocalTime(AttributeValue a) {
        return isNull(a) ? null : LocalTime.parse(a.s());
    }

    public static OffsetDateTime toOffsetDateTime(AttributeValue a) {
        return isNull(a) ? null : OffsetDateTime.parse(a.s());
    }

    public static ZonedDateTime toZonedDateTime(AttributeValue a) {
        return isNull(a) ? null : ZonedDateTime.parse(a.s());
    }

    public static Duration toDuration(AttributeValue a) {
        if (isNull(a)) {
            return null;
        }
        BigDecimal seconds = new BigDecimal(a.n());
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        return Duration.ofSeconds(
                whole.longValueExact(),
                seconds.subtract(whole).movePointRight(9).longValue());
    }

    public static UUID toUuid(AttributeValue a) {
        return isNull(a) ? null : UUID.fromString(a.s());
    }

    public static SdkBytes toSdkBytes(AttributeValue a) {
        return isNull(a) ? null : a.b();
    }

    public static byte[] toByteArray(AttributeValue a) {
        return isNull(a) ? null : a.b().asByteArray();
    }

    /** The enum constant named by a string value. */
    public static <E extends Enum<E>> E toEnum(AttributeValue a, Class<E> type) {
        return isNull(a) ? null : Enum.valueOf(type, a.s());
    }

    /** A primitive's value: 0/false for an absent or {@code NULL} attribute. */
    public static long orZero(Long v) {
        return v == null ? 0L : v;
    }

    public static int orZero(Integer v) {
        return v == null ? 0 : v;
    }

    public static short orZero(Short v) {
        return v == null ? 0 : v;
    }

    public static byte orZero(Byte v) {
        return v == null ? 0 : v;
    }

    public static double orZero(Double v) {
        return v == null ? 0d : v;
    }

    public static float orZero(Float v) {
        return v == null ? 0f : v;
    }

    public static boolean orFalse(Boolean v) {
        return v != null && v;
    }
}
