package dev.bricks.idempotency;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.http.HttpRequest;
import dev.bricks.core.http.HttpResponse;
import dev.bricks.core.http.Principal;
import dev.bricks.core.http.ProblemException;
import dev.bricks.dynamo.TransactionCancelledException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;

/**
 * Idempotent HTTP routes: used inside a route method, it runs the route once per idempotency key and replays the
 * stored response to a retry.
 *
 * <pre>{@code
 * static final HttpIdempotency IDEMPOTENT = new HttpIdempotency(IDEMPOTENCY);
 *
 * @Route(method = HttpMethod.POST, path = "/order")
 * HttpResponse placeOrder(HttpRequest request, PlaceOrder order, Context context) {
 *     return IDEMPOTENT.respond(request, context, () -> HttpResponse.created(orders.place(order)));
 * }
 * }</pre>
 *
 * <ul>
 *   <li>same key, same method, path and body → the stored response (status, headers, body), with
 *       {@value #REPLAYED_HEADER}{@code : true};</li>
 *   <li>same key, another body → 422 problem {@code idempotency-key-reused};</li>
 *   <li>same key while the first request runs → 409 problem {@code idempotency-in-progress};</li>
 *   <li>no key where one is required → 400 problem {@code idempotency-key-missing}.</li>
 * </ul>
 * Keys are scoped to the caller (the authorizer's principal subject, when there is one), the method and the path,
 * so two users' keys never meet. A 5xx response or an exception is not stored: the record is released and a retry
 * runs the route again. Cookies are not replayed. Thread-safe.
 */
public final class HttpIdempotency {

    /** The request header carrying the key: {@value}. */
    public static final String KEY_HEADER = "Idempotency-Key";
    /** The header marking a replayed response: {@value}. */
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";

    private final Idempotency idempotency;

    /** Routes made idempotent through {@code idempotency}'s records. */
    public HttpIdempotency(Idempotency idempotency) {
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
    }

    /**
     * Runs {@code route} once per {@value #KEY_HEADER} header value.
     *
     * @param context the Lambda context, bounding the in-progress record; may be null
     * @throws ProblemException 400 without the header, 409 or 422 as above
     */
    public HttpResponse respond(HttpRequest request, Context context, Action<HttpResponse> route) {
        return respondWithKey(request, context, requiredKey(request), route);
    }

    /**
     * Runs {@code route} once per key taken from the body by typed code, e.g. {@code order.requestId()}.
     *
     * @param key the key; never blank
     * @throws ProblemException 409 or 422 as above
     */
    public HttpResponse respondWithKey(HttpRequest request, Context context, String key, Action<HttpResponse> route) {
        Objects.requireNonNull(route, "route");
        return run(
                request,
                key,
                (scoped, payload, stored) -> idempotency.execute(
                        context, scoped, payload, StoredResponse.class, () -> stored.apply(route.run())));
    }

    /**
     * Runs {@code route} once per {@value #KEY_HEADER} header value, with its DynamoDB writes and the stored
     * response in one transaction ({@link Idempotency#onceInTransaction}): {@code route} adds its writes to the
     * transaction and returns the response, which is sent once the transaction committed. A retry after a crash
     * that followed the commit gets this response replayed. A 5xx response is returned without executing the
     * transaction.
     *
     * <pre>{@code
     * return IDEMPOTENT.respondInTransaction(request, context, tx -> {
     *     tx.create(order);
     *     return HttpResponse.created(new Placed(order.orderId()));
     * });
     * }</pre>
     *
     * @param context the Lambda context, bounding the in-progress record; may be null
     * @throws ProblemException 400 without the header, 409 or 422 as above, and 409 when this attempt lost its claim
     *     to a later one ({@link IdempotencyException.Reason#CLAIM_LOST}; nothing was written)
     * @throws TransactionCancelledException unchanged when the route's own conditions cancelled the transaction (the
     *     record is released, so the key can be retried)
     */
    public HttpResponse respondInTransaction(
            HttpRequest request, Context context, TransactionalAction<HttpResponse> route) {
        Objects.requireNonNull(route, "route");
        return run(
                request,
                requiredKey(request),
                (scoped, payload, stored) -> idempotency.executeInTransaction(
                        context, scoped, payload, StoredResponse.class, tx -> stored.apply(route.run(tx))));
    }

    private static String requiredKey(HttpRequest request) {
        return request.header(KEY_HEADER)
                .filter(k -> !k.isBlank())
                .orElseThrow(() -> new ProblemException(new IdempotencyException(
                                IdempotencyException.Reason.MISSING_KEY,
                                null,
                                "this route requires the " + KEY_HEADER + " header")
                        .toProblem()));
    }

    /** Runs one idempotent execution of a route: its scoped key, its payload, and how a response is stored. */
    @FunctionalInterface
    private interface Execution {
        Idempotency.Outcome<StoredResponse> run(
                String scopedKey, byte[] payload, Function<HttpResponse, StoredResponse> store);
    }

    private HttpResponse run(HttpRequest request, String key, Execution execution) {
        String scoped = request.principal().map(Principal::subject).orElse("-") + " " + request.method() + " "
                + request.path() + " " + key;
        HttpResponse[] first = new HttpResponse[1];
        try {
            Idempotency.Outcome<StoredResponse> outcome = execution.run(scoped, payload(request), response -> {
                if (response.statusCode() >= 500) {
                    throw new ServerError(response);
                }
                first[0] = response;
                return StoredResponse.of(response);
            });
            return outcome.replayed() ? outcome.value().replay(REPLAYED_HEADER) : first[0];
        } catch (ServerError e) {
            return e.response;
        } catch (IdempotencyException e) {
            throw new ProblemException(e.toProblem());
        }
    }

    private static byte[] payload(HttpRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((request.method() + " " + request.path() + "\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(request.body());
        return out.toByteArray();
    }

    /** A 5xx response: not stored, returned as it is. */
    private static final class ServerError extends RuntimeException {
        private final transient HttpResponse response;

        ServerError(HttpResponse response) {
            super(null, null, false, false);
            this.response = response;
        }
    }
}
