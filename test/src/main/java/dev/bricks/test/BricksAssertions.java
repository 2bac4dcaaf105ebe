package dev.bricks.test;

import dev.bricks.core.BatchResponse;

/**
 * Entry point for assertions on what Bricks handlers answer. Failures throw {@link AssertionError} with the whole
 * response in the message. Static-import {@code assertThat} next to AssertJ's: the argument types differ.
 *
 * <pre>{@code
 * assertThat(response).hasStatus(422).isProblem(ProblemType.INVALID_FIELDS)
 *         .hasFieldError("items[0].quantity", "must be an integer");
 * assertThat(result.batch()).hasFailedItems("msg-2");
 * }</pre>
 */
public final class BricksAssertions {

    private BricksAssertions() {}

    /** Assertions on an API Gateway proxy response. */
    public static HttpResultAssert assertThat(HttpResult actual) {
        return new HttpResultAssert(actual);
    }

    /** Assertions on a partial batch response. */
    public static BatchResponseAssert assertThat(BatchResponse actual) {
        return new BatchResponseAssert(actual);
    }
}
