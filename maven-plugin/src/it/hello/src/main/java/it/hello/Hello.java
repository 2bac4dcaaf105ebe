package it.hello;

import dev.bricks.core.http.HttpHandler;
import dev.bricks.core.http.HttpMethod;
import dev.bricks.core.http.PathParam;
import dev.bricks.core.http.Route;

public final class Hello extends HttpHandler {

    public record Greeting(String message) {}

    @Route(method = HttpMethod.GET, path = "/hello/{name}")
    Greeting hello(@PathParam("name") String name) {
        return new Greeting("hello " + name);
    }
}
