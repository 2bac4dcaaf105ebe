package dev.bricks.core;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what is written to {@code System.err} (where the tests' slf4j-simple logs) while open, so that tests
 * can assert what was logged and how often. Not thread-safe: for tests that run one at a time.
 */
public final class StderrCapture implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    public StderrCapture() {
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    /** Everything written so far. */
    public String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** How many times {@code fragment} occurs in what was written. */
    public int count(String fragment) {
        String text = text();
        int count = 0;
        for (int i = text.indexOf(fragment); i >= 0; i = text.indexOf(fragment, i + fragment.length())) {
            count++;
        }
        return count;
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
