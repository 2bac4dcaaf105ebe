package dev.bricks.test;

import dev.bricks.core.http.HttpMethod;
import dev.bricks.core.http.PayloadVersion;

/**
 * Entry point for API Gateway proxy events in AWS's shapes: {@link #v2()} for HTTP API payload 2.0,
 * {@link #v1()} for REST APIs (payload 1.0). Each call returns a new mutable {@link HttpEventBuilder}.
 *
 * <pre>{@code
 * String event = HttpEvents.v2().post("/order").bearer(token).json(new PlaceOrder("u1", items)).build();
 * String get = HttpEvents.v1().get("/orders/o-1").route("/orders/{orderId}")
 *         .pathParameter("orderId", "o-1").build();
 * }</pre>
 */
public final class HttpEvents {

    private HttpEvents() {}

    /** An HTTP API (payload format 2.0) event builder: GET / on the {@code $default} route until told otherwise. */
    public static HttpEventBuilder v2() {
        return new HttpEventBuilder(PayloadVersion.V2);
    }

    /** A REST API (payload format 1.0) event builder: GET / until told otherwise. */
    public static HttpEventBuilder v1() {
        return new HttpEventBuilder(PayloadVersion.V1);
    }

    /** A builder of the given payload version with the method and path set. */
    public static HttpEventBuilder request(PayloadVersion version, HttpMethod method, String path) {
        return new HttpEventBuilder(version).method(method, path);
    }
}
