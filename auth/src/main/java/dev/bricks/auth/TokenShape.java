package dev.bricks.auth;

/**
 * The structural steps of the pipeline, before any decoding: {@code Bearer } prefix, size bound and exactly
 * three strictly base64url segments. Stateless; thread-safe.
 */
final class TokenShape {

    private static final String BEARER = "bearer ";

    private TokenShape() {
    }

    /**
     * Strips a leading {@code Bearer } (any case, exactly one space); returns the value unchanged otherwise.
     * Never null for a non-null input.
     */
    static String stripBearer(String value) {
        if (value.length() >= BEARER.length() && value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return value.substring(BEARER.length());
        }
        return value;
    }

    /**
     * Returns the positions of the two dots, packed as {@code (first << 32) | second}, or -1 when the token is
     * not three non-empty segments of base64url characters without padding whose last character carries no
     * stray bits.
     */
    static long segments(String token) {
        int first = -1;
        int second = -1;
        int n = token.length();
        for (int i = 0; i < n; i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if (first < 0) {
                    first = i;
                } else if (second < 0) {
                    second = i;
                } else {
                    return -1;
                }
            } else if (!isBase64Url(c)) {
                return -1;
            }
        }
        if (first < 0 || second < 0) {
            return -1;
        }
        if (!canonical(token, 0, first) || !canonical(token, first + 1, second) || !canonical(token, second + 1, n)) {
            return -1;
        }
        return ((long) first << 32) | second;
    }

    /** A non-empty segment whose length is possible for unpadded base64 and whose unused tail bits are zero. */
    private static boolean canonical(String s, int from, int to) {
        int len = to - from;
        if (len == 0 || len % 4 == 1) {
            return false;
        }
        int last = value(s.charAt(to - 1));
        if (len % 4 == 2) {
            return (last & 0x0F) == 0;
        }
        if (len % 4 == 3) {
            return (last & 0x03) == 0;
        }
        return true;
    }

    private static boolean isBase64Url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : 63;
    }
}
