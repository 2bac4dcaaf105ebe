package dev.bricks.core.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed route template ({@code /orders/{orderId}}, {@code /files/{path+}}). Immutable. */
record PathTemplate(String text, List<String> segments, List<String> variables, boolean greedy) {

    static PathTemplate parse(String text, String where) {
        if (text == null || !text.startsWith("/")) {
            throw new IllegalStateException("@Route path of " + where + " must start with '/', was " + text);
        }
        List<String> segments = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        boolean greedy = false;
        String[] parts = text.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() && parts.length == 1) {
                break; // "/"
            }
            if (part.isEmpty()) {
                throw new IllegalStateException("@Route path of " + where + " has an empty segment: " + text);
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                String name = part.substring(1, part.length() - 1);
                if (name.endsWith("+")) {
                    if (i != parts.length - 1) {
                        throw new IllegalStateException(
                                "@Route path of " + where + ": greedy {" + name + "} must be the last segment");
                    }
                    name = name.substring(0, name.length() - 1);
                    greedy = true;
                }
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*") || variables.contains(name)) {
                    throw new IllegalStateException(
                            "@Route path of " + where + " has an invalid or repeated variable {" + name + "}");
                }
                variables.add(name);
            } else if (part.contains("{") || part.contains("}")) {
                throw new IllegalStateException(
                        "@Route path of " + where + ": a variable must be a whole segment: " + part);
            }
            segments.add(part);
        }
        return new PathTemplate(text, List.copyOf(segments), List.copyOf(variables), greedy);
    }

    int specificity() {
        return (segments.size() - variables.size()) * 4 + segments.size() * 2 - (greedy ? 1 : 0);
    }

    /** The variables bound by the path, or null when it does not match. */
    Map<String, String> match(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/") && !trimmed.isEmpty()) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        String[] parts = trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
        if (greedy ? parts.length < segments.size() : parts.length != segments.size()) {
            return null;
        }
        Map<String, String> values = null;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.startsWith("{")) {
                String name = segment.substring(1, segment.length() - 1);
                String value;
                if (name.endsWith("+")) {
                    name = name.substring(0, name.length() - 1);
                    value = decode(String.join("/", Arrays.copyOfRange(parts, i, parts.length)));
                } else {
                    value = decode(parts[i]);
                }
                if (value.isEmpty()) {
                    return null;
                }
                values = values == null ? new LinkedHashMap<>() : values;
                values.put(name, value);
            } else if (!segment.equals(parts[i])) {
                return null;
            }
        }
        return values == null ? Map.of() : values;
    }

    /** Percent-decoding for a path segment ({@code +} stays a plus); malformed escapes are kept as is. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder text = new StringBuilder(s.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int hi = c == '%' && i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                bytes.write(hi * 16 + lo);
                i += 2;
                continue;
            }
            if (bytes.size() > 0) {
                text.append(bytes.toString(StandardCharsets.UTF_8));
                bytes.reset();
            }
            text.append(c);
        }
        if (bytes.size() > 0) {
            text.append(bytes.toString(StandardCharsets.UTF_8));
        }
        return text.toString();
    }
}
