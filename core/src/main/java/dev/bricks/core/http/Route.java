package dev.bricks.core.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a method of an {@link HttpHandler} to a method and path template, e.g.
 * {@code @Route(method = HttpMethod.POST, path = "/orders/{orderId}")}.
 *
 * <p>Templates use API Gateway's syntax: literal segments, {@code {name}} for one segment and a trailing
 * {@code {name+}} for the rest of the path. Routes are resolved once, when the handler is constructed.
 *
 * <p>A route method's parameters may be: {@link HttpRequest}; Lambda's {@code Context}; a parameter annotated
 * {@link PathParam}, {@link QueryParam} or {@link HeaderParam} (String, int, long, boolean, UUID, an enum, or
 * their boxed forms); and at most one request body, a record (or any type annotated {@link Body}) bound from
 * JSON and validated. It may return an {@link HttpResponse}, any other value (written as a 200 JSON body) or
 * {@code void} (204).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Route {

    /** The HTTP method. */
    HttpMethod method();

    /** The path template, starting with {@code /}. */
    String path();
}
