package dev.bricks.local.eventbridge;

/** A request-level error answered in the JSON 1.1 protocol's shape ({@code {"__type":…,"message":…}}). */
final class AwsError extends RuntimeException {

    private final String code;
    private final int status;

    AwsError(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    static AwsError validation(String message) {
        return new AwsError("ValidationException", 400, message);
    }

    static AwsError notFound(String message) {
        return new AwsError("ResourceNotFoundException", 400, message);
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }
}
