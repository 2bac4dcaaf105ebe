package dev.bricks.core;

/**
 * A checked exception thrown by handler code (or by {@code setup()}), wrapped so that it can leave
 * {@code handleRequest}. The invocation fails and Lambda's retry settings apply; {@link #getCause()} is the
 * original exception.
 */
public final class HandlerFailedException extends RuntimeException {

    /** @param cause the checked exception thrown by handler code; never null */
    public HandlerFailedException(Throwable cause) {
        super(cause.getClass().getName() + ": " + cause.getMessage(), cause);
    }
}
