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
        if (t.isEmpty() || t.endsWith(".") && t.length() == 1 || t.contains("_") || t.startsWith("+")
                || t.chars().anyMatch(c -> !(Character.isDigit(c) || c == '.' || c == '-' || c == 'e' || c == 'E' || c == '+'))) {
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
        if (c.signum() == 0) return c;
        if (c.precision() > 38) throw DynamoException.validation("Attempting to store more than 38 significant digits in a Number");
        BigDecimal abs = c.abs();
        if (abs.compareTo(MAX) >= 0) throw DynamoException.validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
        if (abs.compareTo(MIN) < 0) throw DynamoException.validation("Number underflow. Attempting to store a number with magnitude smaller than supported range");
        return c;
    }

    static BigDecimal canonical(BigDecimal d) {
        return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }

    /** DynamoDB's text form: no exponent, no trailing zeros. */
    static String format(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** Storage size: one byte per two significant digits plus one. */
    static int size(BigDecimal d) {
        if (d.signum() == 0) return 2;
        int digits = d.precision();
        // digits left of the point and right of it are stored in separate base-100 groups
        int scale = d.scale();
        int intDigits = Math.max(0, digits - scale);
        int fracDigits = Math.max(0, scale);
        int bytes = (intDigits + 1) / 2 + (fracDigits + 1) / 2;
        return Math.max(1, Math.min(bytes, 20)) + 1 + (d.signum() < 0 ? 1 : 0);
    }
}
