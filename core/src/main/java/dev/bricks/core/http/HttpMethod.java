package dev.bricks.core.http;

/** HTTP request methods a {@link Route} can bind. */
public enum HttpMethod {
    GET,
    HEAD,
    POST,
    PUT,
    PATCH,
    DELETE,
    OPTIONS
}
