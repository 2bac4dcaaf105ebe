package dev.bricks.core.internal;

import java.util.List;

/**
 * Internal: what core's JSON codec reads from a record's annotations, written at build time by
 * {@code bricks-core-processor} into the record's companion ({@code <binary name>$$BricksRecord}, found with
 * {@link GeneratedCompanion#find}), so the codec can decide without parsing annotations at run time.
 *
 * <p><b>Not API</b> (see the package documentation): implemented by generated code only; may change in any release.
 */
public interface GeneratedJsonFacts {

    /**
     * Whether javac saw an annotation of a {@code com.fasterxml.jackson.} package on the record, a component, a
     * component's accessor, a parameter of the canonical constructor, or a public instance method without parameters
     * that is not a component accessor (the members databind would look at).
     */
    boolean jacksonAnnotated();

    /** The components annotated {@code @Lenient}, in component order; never null. */
    List<String> lenientComponents();
}
