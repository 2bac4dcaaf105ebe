package dev.bricks.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The structural steps of the pipeline: {@code Bearer } prefix, exactly three strictly base64url segments, and
 * the decoding of a segment into strict UTF-8 JSON. Stateless; thread-safe.
 */
final class TokenShape {

    private static final String BEARER = "bearer ";

    private TokenShape() {}

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
     * The three segments of a compact JWS.
     *
     * @param header the base64url header
     * @param payload the base64url payload
     * @param signature the base64url signature
     * @param signingInput {@code header.payload}, the bytes the signature covers
     */
    record Segments(String header, String payload, String signature, String signingInput) {}

    /**
     * Splits the token, or returns null when it is not three non-empty segments of base64url characters
     * without padding whose last character carries no stray bits.
     */
    static Segments segments(String token) {
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
                    return null;
                }
            } else if (!isBase64Url(c)) {
                return null;
            }
        }
        if (first < 0 || second < 0) {
            return null;
        }
        if (!canonical(token, 0, first) || !canonical(token, first + 1, second) || !canonical(token, second + 1, n)) {
            return null;
        }
        return new Segments(
                token.substring(0, first),
                token.substring(first + 1, second),
                token.substring(second + 1),
                token.substring(0, second));
    }

    /** A header or payload segment decoded as strict UTF-8 and parsed by {@link StrictJson}. */
    static Map<String, Object> json(String segment, int maxDepth) throws StrictJson.Rejected {
        byte[] bytes = Base64.getUrlDecoder().decode(segment);
        String json;
        try {
            json = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new StrictJson.Rejected(DenyReason.MALFORMED_JSON, "not UTF-8");
        }
        return StrictJson.parseObject(json, maxDepth);
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
