package dev.bricks.core.validation;

import java.util.List;

/**
 * The constraints of one record, generated at build time by {@code bricks-core-processor} as
 * {@code <record's binary name>$$BricksRecord}: with it, {@link Validator#of(Class)} reads no annotation by
 * reflection. Not implemented by hand.
 */
public interface GeneratedConstraints {

    /** One entry per record component, in component order; never null. */
    List<ComponentConstraints> components();
}
