package dev.bricks.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict RFC 8259 parser: rejects duplicate member names, nesting beyond a bound, trailing content,
 * leading zeros, lone surrogates in escapes and control characters in strings. Produces
 * {@code Map<String,Object>} (insertion order), {@code List<Object>}, {@code String}, {@code Long} (integers that
 * fit) or {@code Double}, {@code Boolean} and {@code null}. Stateless; thread-safe.
 *
 * <p>Used for JWT headers and payloads (nimbus' Gson-based parser is not asked) and for the authorizer event.
 */
final class StrictJson {

    /** Thrown for any rejection; carries the deny reason (MALFORMED_JSON, DUPLICATE_MEMBER or JSON_TOO_DEEP). */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        final DenyReason reason;

        Rejected(DenyReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }

    private final String s;
    private final int maxDepth;
    private int pos;

    private StrictJson(String s, int maxDepth) {
        this.s = s;
        this.maxDepth = maxDepth;
    }

    /** Parses a document whose top level must be an object; nesting depth counts the top object as 1. */
    static Map<String, Object> parseObject(String json, int maxDepth) throws Rejected {
        StrictJson p = new StrictJson(json, maxDepth);
        p.ws();
        if (p.pos >= json.length() || json.charAt(p.pos) != '{') {
            throw p.malformed("top level is not an object");
        }
        Map<String, Object> result = p.object(1);
        p.ws();
        if (p.pos != json.length()) {
            throw p.malformed("trailing content");
        }
        return result;
    }

    private Object value(int depth) throws Rejected {
        if (pos >= s.length()) {
            throw malformed("unexpected end");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw malformed("unexpected character");
        }
    }

    private Map<String, Object> object(int depth) throws Rejected {
        checkDepth(depth);
        pos++; // '{'
        Map<String, Object> map = new LinkedHashMap<>();
        ws();
        if (peek() == '}') {
            pos++;
            return Collections.unmodifiableMap(map);
        }
        while (true) {
            ws();
            if (peek() != '"') {
                throw malformed("member name expected");
            }
            String name = string();
            ws();
            expect(':');
            ws();
            Object v = value(depth);
            if (map.containsKey(name)) {
                throw new Rejected(DenyReason.DUPLICATE_MEMBER, "duplicate member name");
            }
            map.put(name, v);
            ws();
            char c = next();
            if (c == '}') {
                return Collections.unmodifiableMap(map);
            }
            if (c != ',') {
                throw malformed("',' or '}' expected");
            }
        }
    }

    private void checkDepth(int depth) throws Rejected {
        if (depth > maxDepth) {
            throw new Rejected(DenyReason.JSON_TOO_DEEP, "JSON nests deeper than " + maxDepth);
        }
    }

    private List<Object> array(int depth) throws Rejected {
        checkDepth(depth);
        pos++; // '['
        List<Object> list = new ArrayList<>();
        ws();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            ws();
            list.add(value(depth));
            ws();
            char c = next();
            if (c == ']') {
                return Collections.unmodifiableList(list);
            }
            if (c != ',') {
                throw malformed("',' or ']' expected");
            }
        }
    }

    private String string() throws Rejected {
        pos++; // opening quote
        int start = pos;
        // fast path: no escapes
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '"') {
                return s.substring(start, pos++);
            }
            if (c == '\\') {
                break;
            }
            if (c < 0x20) {
                throw malformed("control character in string");
            }
            pos++;
        }
        StringBuilder sb = new StringBuilder(s.length() - start).append(s, start, pos);
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw malformed("control character in string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"':
                    sb.append('"');
                    break;
                case '\\':
                    sb.append('\\');
                    break;
                case '/':
                    sb.append('/');
                    break;
                case 'b':
                    sb.append('\b');
                    break;
                case 'f':
                    sb.append('\f');
                    break;
                case 'n':
                    sb.append('\n');
                    break;
                case 'r':
                    sb.append('\r');
                    break;
                case 't':
                    sb.append('\t');
                    break;
                case 'u':
                    char u = hex4();
                    if (Character.isHighSurrogate(u)) {
                        if (pos + 1 < s.length() && s.charAt(pos) == '\\' && s.charAt(pos + 1) == 'u') {
                            pos += 2;
                            char low = hex4();
                            if (!Character.isLowSurrogate(low)) {
                                throw malformed("lone surrogate");
                            }
                            sb.append(u).append(low);
                        } else {
                            throw malformed("lone surrogate");
                        }
                    } else if (Character.isLowSurrogate(u)) {
                        throw malformed("lone surrogate");
                    } else {
                        sb.append(u);
                    }
                    break;
                default:
                    throw malformed("bad escape");
            }
        }
        throw malformed("unterminated string");
    }

    private char hex4() throws Rejected {
        if (pos + 4 > s.length()) {
            throw malformed("bad unicode escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(s.charAt(pos++), 16);
            if (d < 0) {
                throw malformed("bad unicode escape");
            }
            v = (v << 4) | d;
        }
        return (char) v;
    }

    private Object number() throws Rejected {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw malformed("bad number");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!isDigit(peek())) {
                throw malformed("bad number");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw malformed("bad number");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        String text = s.substring(start, pos);
        if (integral && text.length() <= 18) {
            return Long.parseLong(text);
        }
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d)) {
            throw malformed("number out of range");
        }
        return d;
    }

    private void literal(String word) throws Rejected {
        if (!s.startsWith(word, pos)) {
            throw malformed("bad literal");
        }
        pos += word.length();
    }

    private void ws() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private char next() throws Rejected {
        if (pos >= s.length()) {
            throw malformed("unexpected end");
        }
        return s.charAt(pos++);
    }

    private void expect(char c) throws Rejected {
        if (next() != c) {
            throw malformed("'" + c + "' expected");
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Rejected malformed(String what) {
        return new Rejected(DenyReason.MALFORMED_JSON, "malformed JSON: " + what + " at " + pos);
    }
}
