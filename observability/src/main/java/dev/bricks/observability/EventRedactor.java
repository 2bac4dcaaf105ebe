package dev.bricks.observability;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Copies an event's JSON with secrets replaced by {@value #MASK}: the values of members named
 * {@code Authorization}, {@code Cookie}, {@code Set-Cookie} (any case, anywhere, including
 * {@code multiValueHeaders}), {@code Proxy-Authorization}, {@code X-Api-Key}, Lambda authorizer events'
 * {@code authorizationToken} and {@code identitySource}, and API Gateway 2.0's {@code cookies}; every substring shaped like a JWT
 * ({@code xxx.yyy.zzz} in base64url, header starting {@code eyJ}) inside any string; and the values at the
 * configured JSON paths.
 *
 * <p>Path syntax: members separated by dots, optional leading {@code $.}, {@code *} for any one member or
 * array element, a number for an array index: {@code body}, {@code requestContext.authorizer.jwt.claims.email},
 * {@code Records.*.dynamodb.NewImage.email}. A path continues into a string member that holds JSON, such as
 * API Gateway's {@code body} or an SQS record's {@code body}: {@code body.card.number},
 * {@code Records.*.body.password}; that string is then written back as compact JSON with the values masked
 * ({@code body} alone still masks the whole string).
 *
 * <p>Streaming (jackson-core only), immutable and thread-safe.
 *
 * <pre>{@code
 * String shown = EventRedactor.withPaths("body.card.number").redact(eventBytes);
 * }</pre>
 */
public final class EventRedactor {

    /** What a redacted value is replaced with. */
    public static final String MASK = "***";

    private static final Set<String> SECRET_MEMBERS = Set.of(
            "authorization",
            "cookie",
            "set-cookie",
            "cookies",
            "proxy-authorization",
            "x-api-key",
            "authorizationtoken",
            "identitysource");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final JsonFactory JSON = new JsonFactory();

    private final List<String[]> paths;

    private EventRedactor(List<String[]> paths) {
        this.paths = paths;
    }

    /**
     * A redactor for a comma-separated list of paths (may be null or blank).
     *
     * @throws IllegalArgumentException naming a path with an empty segment
     */
    public static EventRedactor withPaths(String commaSeparatedPaths) {
        List<String[]> parsed = new ArrayList<>();
        if (commaSeparatedPaths != null) {
            for (String raw : commaSeparatedPaths.split(",")) {
                String path = raw.trim();
                if (path.isEmpty()) {
                    continue;
                }
                if (path.startsWith("$.")) {
                    path = path.substring(2);
                }
                String[] segments = path.split("\\.", -1);
                for (String segment : segments) {
                    if (segment.isEmpty()) {
                        throw new IllegalArgumentException("redaction path '" + raw.trim() + "' has an empty segment");
                    }
                }
                parsed.add(segments);
            }
        }
        return new EventRedactor(List.copyOf(parsed));
    }

    /**
     * The redacted JSON text of {@code rawEvent}.
     *
     * @throws IOException when the bytes are not well-formed JSON
     */
    public String redact(byte[] rawEvent) throws IOException {
        StringWriter out = new StringWriter(rawEvent.length + 16);
        try (JsonParser parser = JSON.createParser(rawEvent);
                JsonGenerator generator = JSON.createGenerator(out)) {
            List<String> path = new ArrayList<>();
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new IOException("empty event");
            }
            copyValue(parser, generator, path);
            if (parser.nextToken() != null) {
                throw new IOException("trailing content after the event's JSON value");
            }
        }
        return out.toString();
    }

    /**
     * Copies the object member or array element at the end of path (the parser is on its first token), or writes
     * the mask instead when secret; then takes it off path again.
     */
    private void copyMember(JsonParser parser, JsonGenerator generator, List<String> path, boolean secret)
            throws IOException {
        if (secret) {
            parser.skipChildren();
            generator.writeString(MASK);
        } else {
            copyValue(parser, generator, path);
        }
        path.remove(path.size() - 1);
    }

    private void copyValue(JsonParser parser, JsonGenerator generator, List<String> path) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                generator.writeStartObject();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    generator.writeFieldName(name);
                    parser.nextToken();
                    path.add(name);
                    copyMember(
                            parser,
                            generator,
                            path,
                            SECRET_MEMBERS.contains(name.toLowerCase(Locale.ROOT)) || matchesPath(path));
                }
                generator.writeEndObject();
            }
            case START_ARRAY -> {
                generator.writeStartArray();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    path.add(Integer.toString(index++));
                    copyMember(parser, generator, path, matchesPath(path));
                }
                generator.writeEndArray();
            }
            case VALUE_STRING -> generator.writeString(redactString(parser.getText(), path));
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> generator.writeNumber(parser.getText());
            case VALUE_TRUE -> generator.writeBoolean(true);
            case VALUE_FALSE -> generator.writeBoolean(false);
            case VALUE_NULL -> generator.writeNull();
            default -> throw new IOException("unexpected JSON token " + token);
        }
    }

    /**
     * A string value: when configured paths continue below it and it holds a JSON object or array (API
     * Gateway's {@code body}, an SQS message body), those paths are applied inside it and it is written back as
     * compact JSON text; otherwise only JWT-shaped substrings are masked.
     */
    private String redactString(String text, List<String> path) {
        List<String[]> below = pathsBelow(path);
        if (!below.isEmpty() && looksLikeJson(text)) {
            try {
                return new EventRedactor(below).redact(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException notJson) {
                // not JSON after all: mask the JWTs of the plain text below
            }
        }
        return JWT.matcher(text).replaceAll(MASK);
    }

    private static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    /** The rest of each configured path that starts with {@code path} and goes further. */
    private List<String[]> pathsBelow(List<String> path) {
        List<String[]> below = new ArrayList<>();
        for (String[] candidate : paths) {
            if (candidate.length > path.size() && prefixMatches(candidate, path)) {
                below.add(Arrays.copyOfRange(candidate, path.size(), candidate.length));
            }
        }
        return below;
    }

    private static boolean prefixMatches(String[] candidate, List<String> path) {
        for (int i = 0; i < path.size(); i++) {
            if (!candidate[i].equals("*") && !candidate[i].equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean matchesPath(List<String> path) {
        for (String[] candidate : paths) {
            if (candidate.length != path.size()) {
                continue;
            }
            if (prefixMatches(candidate, path)) {
                return true;
            }
        }
        return false;
    }
}
