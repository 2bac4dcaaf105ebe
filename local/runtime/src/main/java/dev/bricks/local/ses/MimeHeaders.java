package dev.bricks.local.ses;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes the header block of an RFC 5322 message: unfolding, RFC 2047 encoded words, address lists. */
final class MimeHeaders {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?=");
    private static final Pattern ADDRESS = Pattern.compile("<([^>]+)>");

    private MimeHeaders() {}

    /**
     * The headers of a message, names lower-cased, first occurrence wins.
     *
     * @throws IllegalArgumentException when the message has no header block
     */
    static Map<String, String> parse(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            end = text.indexOf("\n\n");
        }
        String block = end < 0 ? text : text.substring(0, end);
        Map<String, String> headers = new LinkedHashMap<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : block.split("\r?\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                value.append(' ').append(line.strip());
                continue;
            }
            if (name != null) {
                headers.putIfAbsent(name, value.toString());
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                name = null;
                continue;
            }
            name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            value = new StringBuilder(line.substring(colon + 1).strip());
        }
        if (name != null) {
            headers.putIfAbsent(name, value.toString());
        }
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("the raw message has no headers");
        }
        headers.replaceAll((k, v) -> new String(v.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        return headers;
    }

    /** Decodes RFC 2047 encoded words ({@code =?UTF-8?B?…?=}, {@code =?UTF-8?Q?…?=}). */
    static String decode(String value) {
        Matcher m = ENCODED_WORD.matcher(value.replaceAll("\\?=\\s+=\\?", "?==?"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Charset charset;
            try {
                charset = Charset.forName(m.group(1));
            } catch (IllegalArgumentException e) {
                charset = StandardCharsets.UTF_8;
            }
            byte[] bytes =
                    m.group(2).equalsIgnoreCase("B") ? Base64.getMimeDecoder().decode(m.group(3)) : decodeQ(m.group(3));
            m.appendReplacement(out, Matcher.quoteReplacement(new String(bytes, charset)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A header value for a message: as is when ASCII, else one RFC 2047 B-encoded word. */
    static String encode(String value) {
        boolean ascii = value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        return ascii
                ? value
                : "=?UTF-8?B?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** The bare addresses of an address list header ({@code "Ada" <ada@example.com>, bob@example.com}). */
    static List<String> addresses(String header) {
        List<String> out = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return out;
        }
        for (String part : header.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            Matcher m = ADDRESS.matcher(part);
            String address = m.find() ? m.group(1) : part;
            if (!address.isBlank()) {
                out.add(address.strip());
            }
        }
        return out;
    }

    private static byte[] decodeQ(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length()) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
