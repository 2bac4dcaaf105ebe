package dev.bricks.core;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.bricks.core.invoke.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test fixtures: event files and a way to run a stream handler on bytes. */
public final class Fixtures {

    private Fixtures() {}

    /** The bytes of {@code /events/<name>}. */
    public static byte[] event(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /events/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of {@code /events/<name>} with each {@code {{key}}} replaced by the following value. */
    public static String eventText(String name, String... replacements) {
        String text = new String(event(name), StandardCharsets.UTF_8);
        for (int i = 0; i + 1 < replacements.length; i += 2) {
            text = text.replace("{{" + replacements[i] + "}}", replacements[i + 1]);
        }
        return text;
    }

    /** Runs the handler once with a local context and returns what it wrote. */
    public static String run(RequestStreamHandler handler, byte[] event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(
                    new ByteArrayInputStream(event),
                    out,
                    LocalContext.of("req-1", "test-fn", 512, LocalContext.DEFAULT_TIMEOUT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Runs the handler once on a string event. */
    public static String run(RequestStreamHandler handler, String event) {
        return run(handler, event.getBytes(StandardCharsets.UTF_8));
    }
}
