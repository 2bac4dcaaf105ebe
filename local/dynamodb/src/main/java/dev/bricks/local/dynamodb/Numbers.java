package dev.bricks.local.dynamodb;

import java.math.BigDecimal;

/** DynamoDB's number rules: 38 significant digits, magnitude between 1E-130 and 1E126, canonical text form. */
final class Numbers {
    private static final BigDecimal MAX = new BigDecimal("1E126");
    private static final BigDecimal MIN = new BigDecimal("1E-130");

    private Numbers() {}

    /** Parses and validates a number as DynamoDB does; throws ValidationException with DynamoDB's messages. */
    static BigDecimal parse(String text) {
        BigDecimal d;
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()
                || t.endsWith(".") && t.length() == 1
                || t.contains("_")
                || t.startsWith("+")
                || t.chars()
                        .anyMatch(c ->
                                !(Character.isDigit(c) || c == '.' || c == '-' || c == 'e' || c == 'E' || c == '+'))) {
            throw DynamoException.validation("The parameter cannot be converted to a numeric value: " + text);
        }
        try {
            d = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw DynamoException.validation("The parameter cannot be converted to a numeric value: " + text);
        }
        return check(d);
    }

    static BigDecimal check(BigDecimal d) {
        BigDecimal c = canonical(d);
        if (c.signum() == 0) {
            return c;
        }
        if (c.precision() > 38) {
            throw DynamoException.validation("Attempting to store more than 38 significant digits in a Number");
        }
        BigDecimal abs = c.abs();
        if (abs.compareTo(MAX) >= 0) {
            throw DynamoException.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (abs.compareTo(MIN) < 0) {
            throw DynamoException.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return c;
    }

    static BigDecimal canonical(BigDecimal d) {
        return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }

    /** DynamoDB's text form: no exponent, no trailing zeros. */
    static String format(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /**
     * Storage size: DynamoDB stores numbers in base 100 (digit pairs aligned on the decimal point) with one exponent
     * byte, and one more byte for negative numbers.
     */
    static int size(BigDecimal d) {
        if (d.signum() == 0) {
            return 1;
        }
        java.math.BigInteger unscaled = d.unscaledValue().abs();
        int digits = unscaled.toString().length();
        if ((d.scale() & 1) != 0) {
            digits++; // align the pairs on the decimal point
        }
        int mantissa = (digits + 1) / 2;
        return 1 + Math.min(mantissa, 20) + (d.signum() < 0 ? 1 : 0);
    }
}
