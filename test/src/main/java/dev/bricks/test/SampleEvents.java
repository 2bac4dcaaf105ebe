package dev.bricks.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Complete sample events in AWS's shapes, one per trigger, shipped with this module so a test can start from a
 * realistic event without copying it: {@code SampleEvents.load("http-v2-place-order")}. Stateless and thread-safe.
 *
 * <pre>{@code
 * String event = SampleEvents.load("sqs-batch");
 * InvocationResult result = TestInvoker.invoke(new SendEmails(), event);
 * }</pre>
 *
 * <p>Use the builders ({@link HttpEvents}, {@link SqsEvents}, …) when a test needs its own values.
 */
public final class SampleEvents {

    /** The names {@link #load(String)} accepts. */
    public static final List<String> NAMES = List.of(
            "http-v2-place-order",
            "http-v1-get-order",
            "eventbridge-order-placed",
            "dynamodb-stream",
            "s3-put",
            "sqs-batch",
            "sqs-fifo-batch");

    private SampleEvents() {}

    /**
     * The sample event's JSON text.
     *
     * @param name one of {@link #NAMES}, with or without {@code .json}
     * @return the event as AWS delivers it to the function; never null
     * @throws IllegalArgumentException naming the known events when {@code name} is none of them
     */
    public static String load(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** The sample event's bytes; see {@link #load(String)}. */
    public static byte[] bytes(String name) {
        String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        if (!NAMES.contains(base)) {
            throw new IllegalArgumentException("no sample event '" + name + "'; known: " + NAMES);
        }
        try (InputStream in = SampleEvents.class.getResourceAsStream("events/" + base + ".json")) {
            if (in == null) {
                throw new IllegalStateException("sample event " + base + " is missing from the bricks-test jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
