package dev.bricks.local.app;

import java.net.URI;
import java.util.Objects;

/**
 * The local endpoints of a running app, all on {@code 127.0.0.1}.
 *
 * @param api the API gateway's base URL (every HTTP and REST API of the template); never null
 * @param dynamoDb the DynamoDB (and DynamoDB Streams) endpoint; never null
 * @param eventBridge the EventBridge endpoint; never null
 * @param s3 the S3 endpoint (path-style); null when the template has no {@code AWS::S3::Bucket} (S3 is
 *     then not started)
 * @param ses the SES v2 endpoint; null while SES is not running
 */
public record Endpoints(URI api, URI dynamoDb, URI eventBridge, URI s3, URI ses) {

    /** Checks the endpoints that always run. */
    public Endpoints {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(dynamoDb, "dynamoDb");
        Objects.requireNonNull(eventBridge, "eventBridge");
    }
}
