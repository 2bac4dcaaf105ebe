package dev.bricks.core.http;

/**
 * Test oracle for the local API gateway: core's own API Gateway event parser ({@code HttpRequestParser} is
 * package-private, so this test class sits in its package).
 */
public final class CoreEventParser {

    private CoreEventParser() {}

    /** Parses an API Gateway payload 2.0 or 1.0 event exactly as a Bricks {@code HttpHandler} does. */
    public static HttpRequest parse(byte[] event) {
        return HttpRequestParser.parse(event);
    }
}
