package dev.bricks.core.validation;

/**
 * One constraint annotation's values, as {@code bricks-core-processor} read them at build time (or core reads them
 * by reflection from a record compiled without it). Immutable.
 *
 * <pre>{@code
 * Constraint.size(0, 128, "")   // @Size(max = 128)
 * }</pre>
 *
 * @param kind which annotation; never null
 * @param min {@link Size#min()} or {@link Min#value()}; 0 for other kinds
 * @param max {@link Size#max()} or {@link Max#value()}; 0 for other kinds
 * @param regexp {@link Pattern#regexp()}; empty for other kinds
 * @param message the annotation's {@code message}; empty for the default message
 */
public record Constraint(ConstraintKind kind, long min, long max, String regexp, String message) {

    /** {@code @NotNull(message)}. */
    public static Constraint notNull(String message) {
        return new Constraint(ConstraintKind.NOT_NULL, 0, 0, "", message);
    }

    /** {@code @NotBlank(message)}. */
    public static Constraint notBlank(String message) {
        return new Constraint(ConstraintKind.NOT_BLANK, 0, 0, "", message);
    }

    /** {@code @NotEmpty(message)}. */
    public static Constraint notEmpty(String message) {
        return new Constraint(ConstraintKind.NOT_EMPTY, 0, 0, "", message);
    }

    /** {@code @Size(min, max, message)}. */
    public static Constraint size(int min, int max, String message) {
        return new Constraint(ConstraintKind.SIZE, min, max, "", message);
    }

    /** {@code @Min(value, message)}. */
    public static Constraint min(long value, String message) {
        return new Constraint(ConstraintKind.MIN, value, 0, "", message);
    }

    /** {@code @Max(value, message)}. */
    public static Constraint max(long value, String message) {
        return new Constraint(ConstraintKind.MAX, 0, value, "", message);
    }

    /** {@code @Pattern(regexp, message)}. */
    public static Constraint pattern(String regexp, String message) {
        return new Constraint(ConstraintKind.PATTERN, 0, 0, regexp, message);
    }
}
