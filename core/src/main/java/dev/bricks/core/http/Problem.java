package dev.bricks.core.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An RFC 9457 problem detail, written as {@code application/problem+json}: {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance} and extension members (for example {@code errors} and
 * {@code requestId}).
 *
 * <pre>{@code
 * throw new ProblemException(Problem.of(409, "Order already exists", "order ord_1 exists")
 *         .with("orderId", "ord_1"));
 * }</pre>
 *
 * <p>Bricks' own problem types (and problems of those types built by route code) come from {@link ProblemType}.
 *
 * @param type a URI identifying the problem type; never null
 * @param title a short summary of the type; never null
 * @param status the HTTP status (400..599)
 * @param detail an explanation of this occurrence; may be null
 * @param instance a URI of this occurrence; may be null
 * @param extensions extension members; never null
 */
public record Problem(
        String type, String title, int status, String detail, String instance, Map<String, Object> extensions) {

    /**
     * The extension member of a 405 problem listing the allowed methods (a list of strings); {@link HttpHandler}
     * also sends them as the {@code Allow} header.
     */
    public static final String ALLOW_MEMBER = "allow";

    private static final Set<String> RESERVED = Set.of("type", "title", "status", "detail", "instance");

    /** Validates the status and copies the extensions. */
    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("problem status must be in 400..599, was " + status);
        }
        for (String key : extensions == null ? Set.<String>of() : extensions.keySet()) {
            if (RESERVED.contains(key)) {
                throw new IllegalArgumentException("extension member must not be named " + key);
            }
        }
        extensions = extensions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** A problem with type {@code about:blank}. */
    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, Map.of());
    }

    /** This problem with one more extension member. */
    public Problem with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(extensions);
        copy.put(Objects.requireNonNull(name, "name"), value);
        return new Problem(type, title, status, detail, instance, copy);
    }

    /** The members in RFC 9457 order, for writing. */
    Map<String, Object> members() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("title", title);
        m.put("status", status);
        if (detail != null) {
            m.put("detail", detail);
        }
        if (instance != null) {
            m.put("instance", instance);
        }
        m.putAll(extensions);
        return m;
    }
}
