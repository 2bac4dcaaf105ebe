package dev.bricks.local.eventbridge;

/**
 * A per-entry failure the bus can be told to return for the next PutEvents entries
 * ({@link LocalEventBridge#failNextEntries(int, EntryFault)}), to test a producer's retry handling.
 */
public enum EntryFault {
    /** {@code InternalFailure}: retryable on AWS. */
    INTERNAL_FAILURE("InternalFailure", "Internal service failure."),
    /** {@code ThrottlingException}: retryable on AWS. */
    THROTTLING("ThrottlingException", "Rate exceeded."),
    /** {@code AccessDeniedException}: not retryable. */
    ACCESS_DENIED("AccessDeniedException", "User is not authorized to perform: events:PutEvents.");

    private final String errorCode;
    private final String errorMessage;

    EntryFault(String errorCode, String errorMessage) {
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
    }

    /** The {@code ErrorCode} returned for the entry. */
    public String errorCode() {
        return errorCode;
    }

    /** The {@code ErrorMessage} returned for the entry. */
    public String errorMessage() {
        return errorMessage;
    }
}
