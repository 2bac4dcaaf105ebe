package dev.bricks.local.ses;

/** A request SES would refuse: answered with its HTTP status, {@code x-amzn-ErrorType} and message. */
final class SesRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorType;

    SesRequestException(int status, String errorType, String message) {
        super(message);
        this.status = status;
        this.errorType = errorType;
    }

    static SesRequestException badRequest(String message) {
        return new SesRequestException(400, "BadRequestException", message);
    }

    int status() {
        return status;
    }

    String errorType() {
        return errorType;
    }
}
