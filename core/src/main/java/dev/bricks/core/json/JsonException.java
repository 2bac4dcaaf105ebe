package dev.bricks.core.json;

/**
 * JSON could not be read or written: either the text is not well-formed JSON ({@link Kind#MALFORMED}) or it
 * is well-formed but does not fit the target type ({@link Kind#MISMATCH}, with the {@link #path() path} of the
 * offending member such as {@code items[0].quantity}).
 *
 * <p>Messages never contain the input document itself, only the location and the expected type.
 */
public final class JsonException extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** Not well-formed JSON (syntax error, truncated, trailing tokens). */
        MALFORMED,
        /** Well-formed JSON that does not match the target type. */
        MISMATCH,
        /** A value could not be written as JSON. */
        WRITE
    }

    private final Kind kind;
    private final String path;

    /**
     * @param kind what went wrong; never null
     * @param path dotted path of the offending member, or empty for the document itself; never null
     * @param message a message naming the problem without echoing the input
     */
    public JsonException(Kind kind, String path, String message) {
        this(kind, path, message, null);
    }

    /**
     * @param kind what went wrong; never null
     * @param path dotted path of the offending member, or empty for the document itself; never null
     * @param message a message naming the problem without echoing the input
     * @param cause the JSON library's exception, kept for logs; may be null
     */
    public JsonException(Kind kind, String path, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.path = path == null ? "" : path;
    }

    /** What went wrong; never null. */
    public Kind kind() {
        return kind;
    }

    /** Dotted path of the offending member ({@code items[0].quantity}), empty for the whole document. */
    public String path() {
        return path;
    }
}
