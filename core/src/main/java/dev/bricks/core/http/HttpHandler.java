package dev.bricks.core.http;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.BricksHandler;
import dev.bricks.core.Correlation;
import dev.bricks.core.json.JsonException;
import dev.bricks.core.spi.InvocationInfo;
import dev.bricks.core.validation.ValidationException;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base class of an API Gateway Lambda function (HTTP API payload 2.0, REST API / payload 1.0; detected per
 * event, answered in the same shape).
 *
 * <pre>{@code
 * public final class Orders extends HttpHandler {
 *     record PlaceOrder(@NotBlank String userId, @NotEmpty List<@NotNull Item> items) {}
 *     record OrderPlaced(String orderId, String message) {}
 *
 *     @Route(method = HttpMethod.POST, path = "/order")
 *     HttpResponse place(PlaceOrder order) {
 *         return HttpResponse.created(new OrderPlaced(orders.place(order), "Order placed"));
 *     }
 * }
 * }</pre>
 *
 * <p>Routes ({@link Route}) are resolved once, at construction; a subclass may instead override
 * {@link #handle(HttpRequest, Context)}. Errors become {@code application/problem+json} responses
 * (RFC 9457) of the {@link ProblemType}s, each documented in {@code docs/problems.md}:
 * <ul>
 *   <li>body not JSON → 400 {@code malformed-json}; no body where one is needed → 400 {@code missing-body};
 *       {@code isBase64Encoded} with a body that is not base64 → 400 {@code malformed-body-encoding}</li>
 *   <li>Content-Type not JSON → 415 {@code unsupported-media-type}</li>
 *   <li>fields of the wrong type or failing validation → 422 {@code invalid-fields} with
 *       {@code errors: [{field, message}]} listing every one</li>
 *   <li>body above {@link HttpOptions#maxBodyBytes()} → 413 {@code payload-too-large}</li>
 *   <li>no route → 404 {@code not-found}; route with another method → 405 {@code method-not-allowed} with
 *       an {@code Allow} header</li>
 *   <li>{@link ProblemException} → its problem</li>
 *   <li>any other exception, a failed {@link #setup()}, or a response body that cannot be written as JSON →
 *       500 {@code internal} with only the {@code requestId}; the exception is logged once with its cause and
 *       reported to the invocation listeners, never sent to the caller</li>
 * </ul>
 *
 * <p>The correlation id is the {@value Correlation#HTTP_HEADER} request header, else API Gateway's request id;
 * it is echoed in the response's {@code x-correlation-id} header.
 *
 * <p>Thread-safety: the routing table is immutable; route methods must be as thread-safe as the handler's
 * own state.
 */
public abstract class HttpHandler extends BricksHandler<HttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(HttpHandler.class);

    private final HttpOptions options;
    private final Router router;

    /** A handler with {@link HttpOptions#defaults()}. */
    protected HttpHandler() {
        this(HttpOptions.defaults());
    }

    /**
     * A handler with the given options; resolves the {@link Route} methods.
     *
     * @throws IllegalStateException naming the method when a route is malformed, duplicated or has an
     *     unbindable parameter, or when the class has no route and does not override {@code handle}
     */
    protected HttpHandler(HttpOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.router = Router.of(this);
        if (router.isEmpty() && !overridesHandle(getClass())) {
            throw new IllegalStateException(
                    getClass().getName() + " has no @Route method and does not override handle(HttpRequest, Context)");
        }
    }

    /**
     * Handles one request. The default dispatches to the {@link Route} methods. Throw
     * {@link ProblemException} for a problem response.
     *
     * @param request the request; never null
     * @param context Lambda's context; may be null off Lambda
     * @return the response; null gives 204
     */
    protected HttpResponse handle(HttpRequest request, Context context) throws Exception {
        try {
            Object result = router.dispatch(request, context);
            if (result == null) {
                return HttpResponse.noContent();
            }
            return result instanceof HttpResponse response ? response : HttpResponse.ok(result);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** This handler's options. */
    protected final HttpOptions options() {
        return options;
    }

    @Override
    protected final InvocationInfo.Trigger trigger() {
        return InvocationInfo.Trigger.HTTP;
    }

    @Override
    protected final Parsed<HttpRequest> parseEvent(byte[] raw) {
        HttpRequest request = HttpRequestParser.parse(raw);
        String correlation = request.header(Correlation.HTTP_HEADER).orElse(null);
        if (correlation == null || correlation.isBlank()) {
            correlation = request.requestId().isEmpty() ? null : request.requestId();
        }
        return new Parsed<>(request, correlation);
    }

    @Override
    protected final Object invoke(HttpRequest request, Context context) {
        return write(request, respond(request, context), context);
    }

    /** A failed {@link #setup()} answers the generic 500 (logged once, with its cause). */
    @Override
    protected final Object setupFailed(HttpRequest request, Exception failure, Context context) {
        return write(request, internalError(request, context, failure, "setup() failed"), context);
    }

    private HttpResponse respond(HttpRequest request, Context context) {
        Cors cors = options.cors();
        if (cors != null && Cors.isPreflight(request)) {
            return cors.preflight(request);
        }
        if (!request.isBodyDecodable()) {
            return ResponseWriter.problem(ProblemType.MALFORMED_BODY_ENCODING.problem(
                    "the request says isBase64Encoded, and its body is not valid base64"));
        }
        if (request.bodyLength() > options.maxBodyBytes()) {
            return ResponseWriter.problem(ProblemType.PAYLOAD_TOO_LARGE
                    .problem("request body has " + request.bodyLength() + " bytes; the limit is "
                            + options.maxBodyBytes())
                    .with("maxBodyBytes", options.maxBodyBytes()));
        }
        try {
            HttpResponse response = handle(request, context);
            return response == null ? HttpResponse.noContent() : response;
        } catch (ProblemException e) {
            return problemResponse(e.problem());
        } catch (ValidationException e) {
            return ResponseWriter.problem(ProblemType.INVALID_FIELDS
                    .problem(e.violations().size() + " field(s) are invalid")
                    .with(Router.ERRORS_MEMBER, e.violations()));
        } catch (Exception | Error e) {
            return internalError(request, context, e, "unexpected failure");
        }
    }

    /**
     * Adds CORS and correlation headers and writes the proxy response; a body that cannot be written as JSON
     * becomes the generic 500 instead of a Lambda error.
     */
    private byte[] write(HttpRequest request, HttpResponse response, Context context) {
        try {
            return ResponseWriter.write(decorate(request, response), request.version());
        } catch (JsonException e) {
            HttpResponse error = internalError(request, context, e, "response body could not be written as JSON");
            return ResponseWriter.write(decorate(request, error), request.version());
        }
    }

    private HttpResponse decorate(HttpRequest request, HttpResponse response) {
        Cors cors = options.cors();
        if (cors != null && !Cors.isPreflight(request)) {
            response = cors.apply(request, response);
        }
        String correlation = Correlation.current().orElse(null);
        if (correlation != null && response.header(Correlation.HTTP_HEADER) == null) {
            response = response.toBuilder()
                    .header(Correlation.HTTP_HEADER, correlation)
                    .build();
        }
        return response;
    }

    /** The generic 500: the failure is logged here once, with its cause, and given to the listeners. */
    private HttpResponse internalError(HttpRequest request, Context context, Throwable failure, String what) {
        observeFailure(failure);
        LOG.error(
                "bricks: {} handling {} {} (requestId {})",
                what,
                request.method(),
                request.path(),
                request.requestId(),
                failure);
        String requestId =
                context != null && context.getAwsRequestId() != null ? context.getAwsRequestId() : request.requestId();
        return ResponseWriter.problem(ProblemType.INTERNAL
                .problem("the request could not be completed; quote the requestId when reporting it")
                .with("requestId", requestId));
    }

    private static HttpResponse problemResponse(Problem problem) {
        HttpResponse response = ResponseWriter.problem(problem);
        Object allow = problem.extensions().get(Problem.ALLOW_MEMBER);
        if (problem.status() == 405 && allow instanceof List<?> methods) {
            response = response.toBuilder()
                    .header(
                            "Allow",
                            String.join(
                                    ", ", methods.stream().map(String::valueOf).toList()))
                    .build();
        }
        return response;
    }

    private static boolean overridesHandle(Class<?> type) {
        for (Class<?> c = type; c != null && c != HttpHandler.class; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod("handle", HttpRequest.class, Context.class);
                return true;
            } catch (NoSuchMethodException e) {
                // keep looking
            }
        }
        return false;
    }
}
