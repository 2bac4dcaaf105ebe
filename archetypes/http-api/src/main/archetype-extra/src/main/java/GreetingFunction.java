package @@package@@;

import dev.bricks.core.http.HttpHandler;
import dev.bricks.core.http.HttpMethod;
import dev.bricks.core.http.HttpResponse;
import dev.bricks.core.http.Route;
import dev.bricks.core.validation.NotBlank;
import dev.bricks.core.validation.Size;

/**
 * The API's one route, {@code POST /greetings}: the body is bound from JSON and validated before the route runs, so
 * a blank or too long name, a wrong type or a body that is not JSON never reaches {@link #greet}; the caller gets a
 * 4xx {@code application/problem+json} naming every problem instead. Lambda's handler is this class' name.
 */
public final class GreetingFunction extends HttpHandler {

    /** The request body, e.g. {@code {"name":"Ada"}}. */
    public record GreetingRequest(@NotBlank @Size(max = 64) String name) {}

    /** The answer, e.g. {@code {"message":"Hello, Ada!"}}. */
    public record Greeting(String message) {}

    @Route(method = HttpMethod.POST, path = "/greetings")
    HttpResponse greet(GreetingRequest request) {
        return HttpResponse.ok(new Greeting("Hello, " + request.name().strip() + "!"));
    }
}
