package dev.bricks.core.http;

/** The API Gateway event shape an {@link HttpRequest} came from; responses are written in the same shape. */
public enum PayloadVersion {
    /** REST API (and HTTP API payload format 1.0): {@code httpMethod}, {@code multiValueHeaders}. */
    V1,
    /** HTTP API payload format 2.0: {@code version: "2.0"}, {@code routeKey}, {@code rawPath}, {@code cookies}. */
    V2
}
