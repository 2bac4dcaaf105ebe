package dev.bricks.dynamo;

/**
 * An item or request was refused before anything was sent to DynamoDB. (Named apart from core's
 * {@code ValidationException}, which HTTP handlers map to 422: this one is a programming or data error
 * of the caller of the repository, not necessarily of the HTTP client.)
 */
public class InvalidRequestException extends SingleTableException {
    InvalidRequestException(String message) {
        super(Reason.INVALID_REQUEST, message);
    }

    InvalidRequestException(Reason reason, String message) {
        super(reason, message);
    }
}
