package dev.bricks.core.http;

import java.util.Map;
import java.util.Objects;

/**
 * Bricks' own problem types: the vocabulary of every problem response that Bricks writes by itself. Each type's
 * {@link #uri() URI} resolves to its section of {@code docs/problems.md} (when it occurs, what to do about it),
 * for example {@code https://bricks.dev/problems#invalid-fields}.
 *
 * <p>Route code builds a problem of one of these types the same way Bricks does:
 * <pre>{@code
 * throw new ProblemException(ProblemType.NOT_FOUND.problem("no order " + orderId).with("orderId", orderId));
 * }</pre>
 * Problems of the application's own types are built with {@link Problem#of} or the {@link Problem}
 * constructor.
 */
public enum ProblemType {

    /** 400: the request body is not well-formed JSON. */
    MALFORMED_JSON("malformed-json", 400, "Bad Request"),
    /** 400: the request says its body is base64-encoded, and it is not valid base64. */
    MALFORMED_BODY_ENCODING("malformed-body-encoding", 400, "Bad Request"),
    /** 400: the route takes a body and the request has none. */
    MISSING_BODY("missing-body", 400, "Bad Request"),
    /** 400: a path, query or header parameter does not convert to the declared type. */
    INVALID_PARAMETER("invalid-parameter", 400, "Bad Request"),
    /** 400: a parameter of a primitive type is absent. */
    MISSING_PARAMETER("missing-parameter", 400, "Bad Request"),
    /** 400: the route is idempotent ({@code bricks-idempotency}) and the {@code Idempotency-Key} header is absent. */
    IDEMPOTENCY_KEY_MISSING("idempotency-key-missing", 400, "Bad Request"),
    /** 404: no route matches the path. */
    NOT_FOUND("not-found", 404, "Not Found"),
    /** 405: the path matches only routes of other methods; the {@code Allow} header lists them. */
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method Not Allowed"),
    /** 409: the first request with this idempotency key is still being processed. */
    IDEMPOTENCY_IN_PROGRESS("idempotency-in-progress", 409, "Conflict"),
    /** 413: the body is larger than {@link HttpOptions#maxBodyBytes()}. */
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload Too Large"),
    /** 415: the route takes a JSON body and the Content-Type is not JSON. */
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported Media Type"),
    /** 422: fields of the body have the wrong type or fail validation; {@code errors} lists every one. */
    INVALID_FIELDS("invalid-fields", 422, "Unprocessable Content"),
    /** 422: the idempotency key was used before with another request body. */
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Unprocessable Content"),
    /** 500: anything else went wrong; the body carries only Lambda's {@code requestId}. */
    INTERNAL("internal", 500, "Internal Server Error");

    /** The base of every Bricks problem type URI: the problems page, to which the slug is the fragment. */
    public static final String URI_BASE = "https://bricks.dev/problems#";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    /** The short name, also the section anchor in {@code docs/problems.md}: {@code invalid-fields}. */
    public String slug() {
        return slug;
    }

    /** The HTTP status of every problem of this type. */
    public int status() {
        return status;
    }

    /** The title of every problem of this type ({@code Unprocessable Content}). */
    public String title() {
        return title;
    }

    /** The type URI written in the problem's {@code type} member: {@link #URI_BASE} + {@link #slug()}. */
    public String uri() {
        return URI_BASE + slug;
    }

    /**
     * A problem of this type.
     *
     * @param detail what went wrong in this occurrence, without echoing secrets or the input; never null
     */
    public Problem problem(String detail) {
        return new Problem(uri(), title, status, Objects.requireNonNull(detail, "detail"), null, Map.of());
    }

    /** This type's problem as a {@link ProblemException}, ready to throw from route code. */
    public ProblemException exception(String detail) {
        return new ProblemException(problem(detail));
    }
}
