package dev.bricks.local.console;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text and HTML bodies of a captured RFC 5322 message (multipart/alternative or mixed, nested; base64 and
 * quoted-printable), enough to show a mail; not a general MIME parser.
 *
 * @param text the first {@code text/plain} part, decoded; null when none
 * @param html the first {@code text/html} part, decoded; null when none
 */
record MailParts(String text, String html) {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";\\r\\n]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([^\";\\s]+)\"?", Pattern.CASE_INSENSITIVE);

    static MailParts of(String eml) {
        String[] found = new String[2];
        collect(eml, found);
        return new MailParts(found[0], found[1]);
    }

    /** The value of the first header {@code name} of the message (unfolded), null when absent. */
    static String header(String eml, String name) {
        String head = headOf(eml).replaceAll("\\r?\\n[ \\t]+", " ");
        for (String line : head.split("\\r?\\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                String v = line.substring(colon + 1).trim();
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    private static String headOf(String entity) {
        int end = bodyStart(entity);
        return end < 0 ? entity : entity.substring(0, end);
    }

    private static int bodyStart(String entity) {
        int crlf = entity.indexOf("\r\n\r\n");
        int lf = entity.indexOf("\n\n");
        if (crlf >= 0 && (lf < 0 || crlf < lf)) {
            return crlf;
        }
        return lf;
    }

    private static void collect(String entity, String[] found) {
        String type = header(entity, "Content-Type");
        String lowerType = type == null ? "text/plain" : type.toLowerCase(Locale.ROOT);
        int start = bodyStart(entity);
        String body = start < 0 ? "" : entity.substring(start).replaceFirst("^(\\r?\\n){2}", "");
        if (lowerType.startsWith("multipart/")) {
            Matcher b = BOUNDARY.matcher(type);
            if (!b.find()) {
                return;
            }
            String delimiter = "--" + b.group(1);
            String[] parts = body.split(Pattern.quote(delimiter));
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].startsWith("--")) {
                    break;
                }
                collect(parts[i].replaceFirst("^\\r?\\n", ""), found);
            }
            return;
        }
        int slot = lowerType.startsWith("text/html") ? 1 : lowerType.startsWith("text/plain") ? 0 : -1;
        if (slot < 0 || found[slot] != null) {
            return;
        }
        Matcher cs = CHARSET.matcher(lowerType);
        Charset charset = StandardCharsets.UTF_8;
        if (cs.find() && Charset.isSupported(cs.group(1))) {
            charset = Charset.forName(cs.group(1));
        }
        String encoding = header(entity, "Content-Transfer-Encoding");
        found[slot] = decode(body, encoding == null ? "" : encoding.toLowerCase(Locale.ROOT), charset);
    }

    private static String decode(String body, String encoding, Charset charset) {
        if (encoding.equals("base64")) {
            return new String(Base64.getMimeDecoder().decode(body.trim()), charset);
        }
        if (encoding.equals("quoted-printable")) {
            String joined = body.replaceAll("=\\r?\\n", "");
            ByteArrayOutputStream out = new ByteArrayOutputStream(joined.length());
            for (int i = 0; i < joined.length(); i++) {
                char c = joined.charAt(i);
                if (c == '=' && isHex(joined, i + 1)) {
                    out.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    out.writeBytes(String.valueOf(c).getBytes(charset));
                }
            }
            return out.toString(charset);
        }
        return body.stripTrailing();
    }

    private static boolean isHex(String s, int at) {
        return at + 1 < s.length()
                && Character.digit(s.charAt(at), 16) >= 0
                && Character.digit(s.charAt(at + 1), 16) >= 0;
    }
}
