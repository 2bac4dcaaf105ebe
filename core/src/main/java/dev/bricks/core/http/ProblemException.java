package dev.bricks.core.http;

import java.util.Objects;

/**
 * Thrown by route code to answer with a problem response; {@link HttpHandler} writes the {@link Problem} as
 * {@code application/problem+json} with its status. Not logged as a failure.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    /** @param problem the response to send; never null */
    public ProblemException(Problem problem) {
        super(Objects.requireNonNull(problem, "problem").title()
                + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.problem = problem;
    }

    /** The problem to send. */
    public Problem problem() {
        return problem;
    }
}
