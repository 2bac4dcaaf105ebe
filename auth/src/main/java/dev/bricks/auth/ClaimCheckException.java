package dev.bricks.auth;

/**
 * Thrown by a subclass' {@code checkClaims} to deny a verified token; the deny reason is
 * {@link DenyReason#CLAIM_CHECK_FAILED} and the message is logged (so it must not contain the token).
 */
public class ClaimCheckException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A rejection with a short reason for the log. */
    public ClaimCheckException(String message) {
        super(message);
    }
}
