package dev.bricks.core.http;

/**
 * One route parameter as {@code bricks-core-processor} read it at build time: its source and, for path, query and
 * header parameters, the name it is bound from (empty otherwise). Immutable.
 *
 * @param source where the value comes from; never null
 * @param name the path variable, query parameter or header name; empty for {@link ParameterSource#BODY} and
 *     {@link ParameterSource#TYPE}
 */
public record ParameterBinding(ParameterSource source, String name) {}
