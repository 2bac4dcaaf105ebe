package com.example.thumbnails;

/** Why an uploaded object gets no thumbnail. Retrying cannot change any of these, so the invocation succeeds. */
public enum RejectReason {
    /** The object has no bytes. */
    EMPTY_FILE,
    /** The object is larger than {@link Thumbnailer#MAX_BYTES}. */
    FILE_TOO_LARGE,
    /** No image reader recognises the bytes. */
    NOT_AN_IMAGE,
    /** The image has more than {@link Thumbnailer#MAX_PIXELS} pixels (a decompression bomb, or just too big). */
    TOO_MANY_PIXELS,
    /** The image data ends early (a partial upload). */
    TRUNCATED,
    /** The header was recognised but the image data cannot be decoded. */
    UNREADABLE,
    /** The object was deleted before the function read it. */
    SOURCE_MISSING
}
