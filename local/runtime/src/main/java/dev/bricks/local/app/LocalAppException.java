package dev.bricks.local.app;

/**
 * bricks-local could not start or run the app for a reason the user can fix (a port in use, an unreadable
 * {@code --env-vars} file, a state directory that cannot be written). The message says what to do.
 */
public final class LocalAppException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, for the user */
    public LocalAppException(String message) {
        super(message);
    }

    /** @param message what went wrong; @param cause the underlying failure */
    public LocalAppException(String message, Throwable cause) {
        super(message, cause);
    }
}
