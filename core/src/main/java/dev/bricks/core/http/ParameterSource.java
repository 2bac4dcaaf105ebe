package dev.bricks.core.http;

/**
 * Where a route parameter's value comes from, as written by {@code bricks-core-processor} in a
 * {@link RouteDeclaration} (the build-time form of a parameter's annotation).
 */
public enum ParameterSource {
    /** {@link PathParam}: a variable of the path template. */
    PATH,
    /** {@link QueryParam}: a query-string parameter. */
    QUERY,
    /** {@link HeaderParam}: a request header. */
    HEADER,
    /** {@link Body}: the JSON body, whatever the parameter's type. */
    BODY,
    /** No annotation: bound by its type ({@link HttpRequest}, Lambda's {@code Context}, or a record body). */
    TYPE
}
