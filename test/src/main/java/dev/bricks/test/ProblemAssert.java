package dev.bricks.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Assertions on an RFC 9457 problem body, after {@link HttpResultAssert#isProblem}: its {@code detail}, extension
 * members and the {@code errors} list of an invalid-fields problem ({@code [{"field":…,"message":…}]}).
 */
public final class ProblemAssert {

    private final HttpResult response;
    private final Map<String, Object> problem;

    ProblemAssert(HttpResult response) {
        this.response = response;
        try {
            this.problem = response.jsonBody();
        } catch (RuntimeException e) {
            throw new AssertionError("the problem body is not a JSON object\nresponse: " + response, e);
        }
    }

    /** The {@code detail} is exactly {@code expected}. */
    public ProblemAssert hasDetail(String expected) {
        return hasMember("detail", expected);
    }

    /** The {@code detail} contains {@code part}. */
    public ProblemAssert hasDetailContaining(String part) {
        Object detail = problem.get("detail");
        if (!(detail instanceof String text) || !text.contains(part)) {
            throw failure("expected a problem detail containing '" + part + "' but was " + detail);
        }
        return this;
    }

    /** A member (standard or extension) equals {@code expected} (numbers compare by value). */
    public ProblemAssert hasMember(String name, Object expected) {
        Object value = problem.get(name);
        boolean equal = value instanceof Number n && expected instanceof Number e
                ? n.doubleValue() == e.doubleValue()
                : Objects.equals(value, expected);
        if (!equal) {
            throw failure("expected problem member " + name + " = " + expected + " but was " + value);
        }
        return this;
    }

    /** The {@code errors} list has an entry for {@code field} with exactly {@code message}. */
    public ProblemAssert hasFieldError(String field, String message) {
        List<Map<String, Object>> errors = errors();
        for (Map<String, Object> error : errors) {
            if (field.equals(error.get("field")) && message.equals(error.get("message"))) {
                return this;
            }
        }
        throw failure("expected field error " + field + ": " + message + " among " + errors);
    }

    /** The {@code errors} name exactly these fields, in any order. */
    public ProblemAssert hasErrorFieldsExactly(String... fields) {
        List<Object> got = new ArrayList<>();
        errors().forEach(e -> got.add(e.get("field")));
        List<Object> want = new ArrayList<>(Arrays.asList(fields));
        if (got.size() != want.size() || !got.containsAll(want) || !want.containsAll(got)) {
            throw failure("expected error fields " + want + " but were " + got);
        }
        return this;
    }

    /** The {@code errors} name at least these fields (others may be there too). */
    public ProblemAssert hasErrorFieldsIncluding(String... fields) {
        List<Object> got = new ArrayList<>();
        errors().forEach(e -> got.add(e.get("field")));
        if (!got.containsAll(Arrays.asList(fields))) {
            throw failure("expected error fields including " + Arrays.asList(fields) + " but were " + got);
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> errors() {
        if (!(problem.get("errors") instanceof List<?> list)) {
            throw failure("the problem has no errors list");
        }
        return (List<Map<String, Object>>) list;
    }

    private AssertionError failure(String message) {
        return new AssertionError(message + "\nresponse: " + response);
    }
}
