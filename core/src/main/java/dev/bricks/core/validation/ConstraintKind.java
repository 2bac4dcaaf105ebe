package dev.bricks.core.validation;

/** The kinds of {@link Constraint}, one per constraint annotation of this package, in the order they are checked. */
public enum ConstraintKind {
    /** {@link NotNull}. */
    NOT_NULL,
    /** {@link NotBlank}. */
    NOT_BLANK,
    /** {@link NotEmpty}. */
    NOT_EMPTY,
    /** {@link Size}: bounds in {@link Constraint#min()} and {@link Constraint#max()}. */
    SIZE,
    /** {@link Min}: the bound in {@link Constraint#min()}. */
    MIN,
    /** {@link Max}: the bound in {@link Constraint#max()}. */
    MAX,
    /** {@link Pattern}: the expression in {@link Constraint#regexp()}. */
    PATTERN
}
