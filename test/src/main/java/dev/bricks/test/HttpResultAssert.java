package dev.bricks.test;

import dev.bricks.core.http.ProblemType;
import dev.bricks.core.json.Json;
import java.util.Objects;

/** Assertions on an {@link HttpResult}; made by {@link BricksAssertions#assertThat(HttpResult)}. */
public final class HttpResultAssert {

    /** The problem+json media type. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private final HttpResult actual;

    HttpResultAssert(HttpResult actual) {
        this.actual = Objects.requireNonNull(actual, "actual");
    }

    /** The status is {@code expected}. */
    public HttpResultAssert hasStatus(int expected) {
        if (actual.statusCode() != expected) {
            throw failure("expected status " + expected + " but was " + actual.statusCode());
        }
        return this;
    }

    /** The header (case-insensitive name) has exactly this value. */
    public HttpResultAssert hasHeader(String name, String expected) {
        String value = actual.header(name).orElse(null);
        if (!expected.equals(value)) {
            throw failure("expected header " + name + ": " + expected + " but was " + value);
        }
        return this;
    }

    /**
     * The body is JSON equal to {@code expected} written by Bricks' mapper (a {@code String} is taken as JSON text);
     * member order does not matter.
     */
    public HttpResultAssert hasJsonBody(Object expected) {
        Object want = Json.read(expected instanceof String s ? s : Json.writeString(expected), Object.class);
        Object got;
        try {
            got = Json.read(actual.body(), Object.class);
        } catch (RuntimeException e) {
            throw failure("expected a JSON body equal to " + want + " but the body is not JSON");
        }
        if (!want.equals(got)) {
            throw failure("expected JSON body " + want + " but was " + got);
        }
        return this;
    }

    /**
     * The response is an {@code application/problem+json} of Bricks' {@code type} with its status; continue with the
     * problem's members.
     */
    public ProblemAssert isProblem(ProblemType type) {
        return isProblem(type.uri(), type.status());
    }

    /** The response is an {@code application/problem+json} with this {@code type} URI and status. */
    public ProblemAssert isProblem(String typeUri, int status) {
        hasStatus(status);
        String contentType = actual.header("content-type").orElse("");
        if (!contentType.startsWith(PROBLEM_JSON)) {
            throw failure("expected content-type " + PROBLEM_JSON + " but was " + contentType);
        }
        ProblemAssert problem = new ProblemAssert(actual);
        problem.hasMember("type", typeUri);
        problem.hasMember("status", status);
        return problem;
    }

    private AssertionError failure(String message) {
        return new AssertionError(message + "\nresponse: " + actual);
    }
}
