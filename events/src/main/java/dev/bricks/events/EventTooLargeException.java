package dev.bricks.events;

/**
 * An event whose PutEvents entry is larger than the publisher's request size limit on its own, refused
 * before any call.
 */
public final class EventTooLargeException extends EventRejectedException {

    private final long entryBytes;
    private final long limitBytes;

    EventTooLargeException(int index, String source, String detailType, long entryBytes, long limitBytes) {
        super(
                Reason.TOO_LARGE,
                index,
                source + "/" + detailType + " is " + entryBytes + " bytes, over the PutEvents limit of " + limitBytes
                        + " bytes",
                null);
        this.entryBytes = entryBytes;
        this.limitBytes = limitBytes;
    }

    /** The entry's size as EventBridge counts it. */
    public long entryBytes() {
        return entryBytes;
    }

    /** The configured limit. */
    public long limitBytes() {
        return limitBytes;
    }
}
