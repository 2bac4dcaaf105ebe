package com.example.thumbnails;

import java.util.Objects;

/** An image that gets no thumbnail, with the reason; the message says what was found. */
public final class ImageRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final RejectReason reason;

    /**
     * @param reason why; not null
     * @param message what was found, e.g. {@code 50000x50000 pixels (limit 40000000)}
     */
    public ImageRejectedException(RejectReason reason, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the image was rejected; never null. */
    public RejectReason reason() {
        return reason;
    }
}
