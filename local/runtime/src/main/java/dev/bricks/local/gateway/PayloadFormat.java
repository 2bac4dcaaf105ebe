package dev.bricks.local.gateway;

/** The Lambda proxy payload format of a route or an HTTP API Lambda authorizer. */
public enum PayloadFormat {
    /** Payload 1.0: REST API events, and HTTP API routes with {@code PayloadFormatVersion: "1.0"}. */
    V1_0("1.0"),
    /** Payload 2.0: the HTTP API default. */
    V2_0("2.0");

    private final String text;

    PayloadFormat(String text) {
        this.text = text;
    }

    /** The version as the template writes it: {@code "1.0"} or {@code "2.0"}. */
    public String text() {
        return text;
    }

    /**
     * Reads a template's {@code PayloadFormatVersion}.
     *
     * @param text {@code "1.0"} or {@code "2.0"}
     * @return the format; never null
     * @throws IllegalArgumentException for any other value, naming it
     */
    public static PayloadFormat of(String text) {
        for (PayloadFormat f : values()) {
            if (f.text.equals(text)) {
                return f;
            }
        }
        throw new IllegalArgumentException("PayloadFormatVersion must be \"1.0\" or \"2.0\", was " + text);
    }
}
