package dev.bricks.local.gateway;

/** The two kinds of API Gateway API that bricks-local serves. */
public enum ApiKind {
    /** An HTTP API ({@code AWS::Serverless::HttpApi}, SAM event type {@code HttpApi}): payload 2.0 or 1.0 per route. */
    HTTP_API,
    /** A REST API ({@code AWS::Serverless::Api}, SAM event type {@code Api}): always payload 1.0. */
    REST_API
}
