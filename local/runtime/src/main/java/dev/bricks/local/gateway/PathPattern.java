package dev.bricks.local.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A route's path template ({@code /orders/{orderId}}, {@code /files/{proxy+}}), matched as API Gateway matches
 * it: literal segments exactly, {@code {name}} one non-empty segment, a last {@code {name+}} one or more segments.
 * Immutable.
 */
record PathPattern(String text, List<String> segments) {

    static PathPattern parse(String text) {
        if (text == null || !text.startsWith("/")) {
            throw new IllegalArgumentException("Route path must start with '/', was " + text);
        }
        List<String> segments = new ArrayList<>();
        String[] parts = text.substring(1).split("/", -1);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() && parts.length == 1) {
                break; // "/"
            }
            if (part.isEmpty()) {
                throw new IllegalArgumentException("Route path has an empty segment: " + text);
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                String name = part.substring(1, part.length() - 1);
                if (name.endsWith("+") && i != parts.length - 1) {
                    throw new IllegalArgumentException(
                            "Route path " + text + ": greedy {" + name + "} must be the last segment");
                }
                String bare = name.endsWith("+") ? name.substring(0, name.length() - 1) : name;
                if (!bare.matches("[A-Za-z0-9_.-]+") || names.contains(bare)) {
                    throw new IllegalArgumentException(
                            "Route path " + text + " has an invalid or repeated variable {" + name + "}");
                }
                names.add(bare);
            } else if (part.contains("{") || part.contains("}")) {
                throw new IllegalArgumentException(
                        "Route path " + text + ": a variable must be a whole segment: " + part);
            }
            segments.add(part);
        }
        return new PathPattern(text, List.copyOf(segments));
    }

    private static boolean isVariable(String segment) {
        return segment.startsWith("{");
    }

    private static boolean isGreedy(String segment) {
        return segment.endsWith("+}");
    }

    /**
     * Matches a request path (raw, percent-encoded).
     *
     * @return the path parameters (percent-decoded), or null when the path does not match
     */
    Map<String, String> match(String rawPath) {
        String trimmed = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        String[] parts = trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (isGreedy(segment)) {
                if (i >= parts.length) {
                    return null;
                }
                String rest = String.join("/", Arrays.copyOfRange(parts, i, parts.length));
                params.put(segment.substring(1, segment.length() - 2), decode(rest));
                return params;
            }
            if (i >= parts.length || parts[i].isEmpty()) {
                return null;
            }
            if (isVariable(segment)) {
                params.put(segment.substring(1, segment.length() - 1), decode(parts[i]));
            } else if (!segment.equals(decode(parts[i]))) {
                return null;
            }
        }
        return parts.length == segments.size() ? params : null;
    }

    /**
     * Orders patterns most specific first, segment by segment: a literal beats a variable, which beats a greedy
     * variable; then a longer path beats its prefix.
     */
    static int compareSpecificity(PathPattern a, PathPattern b) {
        int n = Math.min(a.segments.size(), b.segments.size());
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(rank(a.segments.get(i)), rank(b.segments.get(i)));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(b.segments.size(), a.segments.size());
    }

    private static int rank(String segment) {
        return isGreedy(segment) ? 2 : isVariable(segment) ? 1 : 0;
    }

    /** Percent-decodes one path segment ({@code +} stays a plus, as in paths); malformed escapes stay as sent. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        byte[] out = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%'
                    && i + 2 < raw.length()
                    && Character.digit(raw.charAt(i + 1), 16) >= 0
                    && Character.digit(raw.charAt(i + 2), 16) >= 0) {
                out[n++] =
                        (byte) (Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c < 0x80) {
                out[n++] = (byte) c;
            } else {
                return raw; // not a raw path: leave it alone
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }
}
