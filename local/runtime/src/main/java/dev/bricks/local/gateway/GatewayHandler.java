package dev.bricks.local.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.bricks.local.functions.FunctionInvoker;
import dev.bricks.local.functions.InvokeOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Serves every API request: match the route, read the body (bounded), run the authorizer, build the event,
 * invoke the function, map its answer. Never lets an exception reach the server: a failure of its own is a 500
 * and is logged. Thread-safe.
 */
final class GatewayHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(GatewayHandler.class.getName());

    private final RouteTable routes;
    private final FunctionInvoker invoker;
    private final GatewaySettings settings;
    private final LambdaAuthorizers authorizers;
    private final GatewayObserver observer;

    GatewayHandler(RouteTable routes, FunctionInvoker invoker, GatewaySettings settings, GatewayObserver observer) {
        this.routes = routes;
        this.invoker = invoker;
        this.settings = settings;
        this.authorizers = new LambdaAuthorizers(invoker, settings);
        this.observer = observer;
    }

    /** What one request met on its way, for the {@link GatewayObserver}. */
    private static final class Notes {
        IncomingRequest request;
        RequestScope scope;
        GatewayExchange.AuthorizerDecision decision;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            GatewayReply reply;
            Notes notes = new Notes();
            long started = System.nanoTime();
            try {
                reply = serve(exchange, notes);
            } catch (IOException e) {
                return; // the client went away; nothing to answer
            } catch (RuntimeException e) {
                LOG.log(
                        Level.ERROR,
                        "API gateway failed on " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": "
                                + e,
                        e);
                reply = GatewayReply.HTTP_INTERNAL_SERVER_ERROR;
            }
            // before sending, so that a caller who has the answer finds its trace in the console
            observe(exchange, notes, reply, started);
            send(exchange, reply);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "could not send the answer: " + e);
        }
    }

    // hook for the dev console (GatewayObserver)
    private void observe(HttpExchange exchange, Notes notes, GatewayReply reply, long startedNanos) {
        if (observer == null) {
            return;
        }
        try {
            observer.exchanged(new GatewayExchange(
                    notes.request != null
                            ? notes.request.received()
                            : settings.clock().instant(),
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(),
                    notes.request != null ? notes.request.headers() : exchange.getRequestHeaders(),
                    notes.request != null ? notes.request.body() : new byte[0],
                    notes.scope != null ? notes.scope.requestId() : null,
                    notes.scope != null ? notes.scope.routeKey() : null,
                    notes.scope != null ? notes.scope.route().functionId() : null,
                    notes.decision,
                    reply.status(),
                    reply.headers(),
                    reply.body(),
                    Duration.ofNanos(System.nanoTime() - startedNanos)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "gateway observer failed: " + e);
        }
    }

    private GatewayReply serve(HttpExchange exchange, Notes notes) throws IOException {
        Instant received = settings.clock().instant();
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        RouteTable.Match match = routes.match(method, rawPath == null || rawPath.isEmpty() ? "/" : rawPath);
        if (match == null) {
            IncomingRequest.drain(exchange.getRequestBody());
            return GatewayReply.NOT_FOUND;
        }
        IncomingRequest request;
        try {
            request = IncomingRequest.read(exchange, received, LocalApiGateway.MAX_EVENT_BYTES);
        } catch (IncomingRequest.TooLargeException e) {
            return GatewayReply.TOO_LARGE;
        }
        RequestScope scope = RequestScope.of(request, match, settings);
        notes.request = request;
        notes.scope = scope;
        return withRequestId(scope, route(scope, notes));
    }

    private GatewayReply route(RequestScope scope, Notes notes) {
        ObjectNode event = ProxyEvents.routeEvent(scope);
        String authorizerName = scope.route().authorizer();
        if (authorizerName != null) {
            LambdaAuthorizers.Decision decision =
                    authorizers.authorize(scope, scope.api().authorizers().get(authorizerName));
            if (decision instanceof LambdaAuthorizers.Refused refused) {
                notes.decision = new GatewayExchange.AuthorizerDecision(
                        authorizerName,
                        false,
                        refused.reply().status(),
                        0,
                        settings.clock().instant());
                return refused.reply();
            }
            LambdaAuthorizers.Allowed allowed = (LambdaAuthorizers.Allowed) decision;
            notes.decision = new GatewayExchange.AuthorizerDecision(
                    authorizerName,
                    true,
                    0,
                    allowed.latencyMs(),
                    settings.clock().instant());
            ProxyEvents.putAuthorizer(event, scope, allowed.result(), allowed.latencyMs());
        }
        byte[] bytes;
        try {
            bytes = ProxyEvents.JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException("event could not be written", e);
        }
        if (bytes.length > LocalApiGateway.MAX_EVENT_BYTES) {
            return GatewayReply.TOO_LARGE;
        }
        InvokeOutcome outcome;
        try {
            outcome = invoker.invoke(scope.route().functionId(), bytes);
        } catch (FunctionInvoker.UnknownFunctionException e) {
            LOG.log(Level.ERROR, scope.routeKey() + ": " + e.getMessage() + "; answering 500");
            return ProxyResponses.functionError(scope);
        }
        if (!outcome.succeeded()) {
            LOG.log(
                    Level.INFO,
                    scope.routeKey() + " → " + scope.route().functionId() + " failed (" + outcome.errorType()
                            + "); answering as API Gateway does");
            return ProxyResponses.functionError(scope);
        }
        try {
            return ProxyResponses.map(scope, outcome);
        } catch (ProxyResponses.MalformedException e) {
            LOG.log(
                    Level.WARNING,
                    scope.routeKey() + " → " + scope.route().functionId() + ": malformed Lambda proxy response ("
                            + e.getMessage() + ")");
            return ProxyResponses.malformed(scope);
        }
    }

    private static GatewayReply withRequestId(RequestScope scope, GatewayReply reply) {
        return scope.isHttpApi()
                ? reply.withHeader("apigw-requestid", scope.requestId())
                : reply.withHeader("x-amzn-RequestId", scope.requestId());
    }

    private static void send(HttpExchange exchange, GatewayReply reply) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        for (Map.Entry<String, String> h : reply.headers()) {
            if (!ProxyResponses.isHopByHop(h.getKey())) {
                headers.add(h.getKey(), h.getValue());
            }
        }
        boolean noBody = reply.body().length == 0
                || exchange.getRequestMethod().equalsIgnoreCase("HEAD")
                || reply.status() == 204
                || reply.status() == 304
                || reply.status() < 200;
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }
}
