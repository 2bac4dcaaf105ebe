package dev.bricks.core.validation;

import java.util.List;

/**
 * The constraints of one record component as {@code bricks-core-processor} read them at build time: those on the
 * component, and, for a list or set, those on its element type ({@code List<@NotBlank String>}). Immutable.
 *
 * @param component the component's name
 * @param constraints the component's constraints; never null
 * @param elementNullable whether the element type is annotated {@link Nullable}
 * @param elementConstraints the element type's constraints; empty when none or not a collection
 */
public record ComponentConstraints(
        String component, List<Constraint> constraints, boolean elementNullable, List<Constraint> elementConstraints) {}
