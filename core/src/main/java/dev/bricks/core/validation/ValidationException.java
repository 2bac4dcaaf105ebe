package dev.bricks.core.validation;

import java.util.List;

/**
 * A value failed validation; {@link #violations()} lists every invalid field. The HTTP handler turns it into a
 * 422 problem with an {@code errors} member; event handlers let it fail the invocation.
 */
public final class ValidationException extends RuntimeException {

    private final List<Violation> violations;

    /** @param violations every invalid field; not empty */
    public ValidationException(List<Violation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    /** Every invalid field, in declaration order; never empty. */
    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        StringBuilder sb = new StringBuilder("invalid fields: ");
        for (int i = 0; i < violations.size(); i++) {
            Violation v = violations.get(i);
            sb.append(i == 0 ? "" : "; ").append(v.field()).append(' ').append(v.message());
        }
        return sb.toString();
    }
}
