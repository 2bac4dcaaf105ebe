package dev.bricks.local.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answered to the client the way DynamoDB answers it: {@code __type} (the error code), a message and an
 * HTTP status, plus modeled members such as {@code CancellationReasons} or {@code Item}.
 */
final class DynamoException extends RuntimeException {
    static final String PREFIX = "com.amazonaws.dynamodb.v20120810#";

    final String code;
    final int status;
    /** Extra members of the error body (may be null). */
    final ObjectNode extra;

    DynamoException(String code, String message, int status, ObjectNode extra) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.extra = extra;
    }

    static DynamoException validation(String message) {
        return new DynamoException("ValidationException", message, 400, null);
    }

    static DynamoException invalidParams(String message) {
        return validation("One or more parameter values were invalid: " + message);
    }

    static DynamoException notFound(String message) {
        return new DynamoException("ResourceNotFoundException", message, 400, null);
    }

    static DynamoException tableNotFound() {
        return notFound("Requested resource not found");
    }

    static DynamoException inUse(String message) {
        return new DynamoException("ResourceInUseException", message, 400, null);
    }

    static DynamoException conditionFailed(ObjectNode item) {
        return new DynamoException("ConditionalCheckFailedException", "The conditional request failed", 400, item);
    }

    static DynamoException serialization(String message) {
        return new DynamoException("SerializationException", message, 400, null);
    }
}
