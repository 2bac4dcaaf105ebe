package dev.bricks.events;

import java.util.List;

/**
 * What happened to each event of one {@code publish}/{@code publishAll} call: nothing is dropped, every
 * event given is in exactly one of the two lists, each list in the order the events were given.
 *
 * @param published      accepted events with their EventBridge ids
 * @param failed         events that could not be published, with the last error
 * @param putEventsCalls PutEvents calls made, retries included
 * @param <E> the type of the events given to {@code publish}/{@code publishAll}
 */
public record PublishResult<E>(List<PublishedEvent<E>> published, List<FailedEvent<E>> failed, int putEventsCalls) {

    public PublishResult {
        published = List.copyOf(published);
        failed = List.copyOf(failed);
    }

    /** Whether every event was accepted. */
    public boolean allPublished() {
        return failed.isEmpty();
    }

    /**
     * Returns this result when every event was accepted.
     *
     * @throws PublishFailedException carrying this result otherwise
     */
    public PublishResult<E> orThrow() {
        if (!failed.isEmpty()) {
            throw new PublishFailedException(this);
        }
        return this;
    }
}
