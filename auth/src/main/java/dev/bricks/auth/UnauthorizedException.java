package dev.bricks.auth;

/**
 * Thrown by REST authorizers for a missing or malformed token (and for key-source failures): Lambda reports
 * the error message, which is exactly {@code Unauthorized}, and API Gateway answers 401. A fresh instance per
 * throw, without a stack trace.
 */
public final class UnauthorizedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The exact message API Gateway maps to 401. */
    public static final String MESSAGE = "Unauthorized";

    private final DenyReason reason;

    UnauthorizedException(DenyReason reason) {
        super(MESSAGE, null, false, false);
        this.reason = reason;
    }

    /** The reason behind the 401; never null. */
    public DenyReason reason() {
        return reason;
    }
}
