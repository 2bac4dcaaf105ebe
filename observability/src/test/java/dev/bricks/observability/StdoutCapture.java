package dev.bricks.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces {@code System.out} with a buffer until closed. Logback's console appender writes through
 * {@code System.out} as it is at each write, so this captures the real bytes logback produces.
 */
public final class StdoutCapture implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream original = System.out;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    public StdoutCapture() {
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    public String text() {
        System.out.flush();
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** Every non-empty line parsed as JSON; fails the test when a line is not a JSON object. */
    public List<JsonNode> jsonLines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                if (!node.isObject()) {
                    throw new AssertionError("stdout line is not a JSON object: " + line);
                }
                lines.add(node);
            } catch (IOException e) {
                throw new AssertionError("stdout line is not JSON: " + line, e);
            }
        }
        return lines;
    }

    /** The lines that are log lines (not EMF documents). */
    public List<JsonNode> logLines() {
        return jsonLines().stream().filter(n -> !n.has("_aws")).toList();
    }

    /** The lines that are EMF documents. */
    public List<JsonNode> emfLines() {
        return jsonLines().stream().filter(n -> n.has("_aws")).toList();
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}
