package dev.bricks.local.gateway;

/** The kind of Lambda authorizer. HTTP APIs have only {@link #REQUEST}; REST APIs have both. */
public enum AuthorizerType {
    /** Receives the request's headers, query string, path and context; keyed by all identity sources. */
    REQUEST,
    /** REST only: receives one token ({@code authorizationToken}) from one header. */
    TOKEN
}
