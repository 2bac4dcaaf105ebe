package dev.bricks.core.http;

import java.util.List;

/**
 * One {@link Route} method as {@code bricks-core-processor} read it at build time. The router resolves the method
 * by name and parameter types (no annotation is read) and binds its parameters exactly as from the annotations.
 * Immutable.
 *
 * @param methodName the method's name
 * @param parameterTypes the parameters' erased types as {@link Class#getName()} spells them ({@code int},
 *     {@code java.lang.String}, {@code com.example.Handler$Body})
 * @param method the route's HTTP method
 * @param path the route's path template
 * @param parameters one binding per parameter, in order
 */
public record RouteDeclaration(
        String methodName,
        List<String> parameterTypes,
        HttpMethod method,
        String path,
        List<ParameterBinding> parameters) {}
