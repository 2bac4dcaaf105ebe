package dev.bricks.events;

/**
 * Thrown by {@link PublishResult#orThrow()} when some events could not be published; the result lists them.
 * Message prefix: {@code "Events not published: "}.
 */
public final class PublishFailedException extends RuntimeException {

    private final transient PublishResult<?> result;

    PublishFailedException(PublishResult<?> result) {
        super("Events not published: " + result.failed().size() + " of "
                + (result.failed().size() + result.published().size()) + ", first: "
                + result.failed().get(0).errorCode() + " ("
                + result.failed().get(0).errorMessage() + ")");
        this.result = result;
    }

    /** The full result, with the failed events. */
    public PublishResult<?> result() {
        return result;
    }
}
