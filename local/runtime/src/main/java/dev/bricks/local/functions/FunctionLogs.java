package dev.bricks.local.functions;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * Where the functions' log lines go: each line prefixed with its function's name, in a colour that stays the
 * same for a name across runs (ANSI; none when {@code colour} is off). Thread-safe: lines from concurrent
 * environments never interleave within a line.
 */
public final class FunctionLogs {

    private static final List<String> PALETTE = List.of("36", "33", "35", "32", "34", "96", "93", "95", "92", "94");
    private static final String RESET = "\u001b[0m";

    private final PrintStream out;
    private final boolean colour;
    private final LogTap tap;

    /**
     * Receives every line as well (the dev console's hook). Called on the thread that printed the line; must be
     * thread-safe and quick.
     */
    @FunctionalInterface
    public interface LogTap {
        /**
         * @param source the function name, or a service name ({@code streams}, {@code ses}, …); never null
         * @param requestId the invocation the line belongs to, when known (a function's own output and its
         *     START/END/REPORT lines); else null
         * @param text the line without prefix; never null
         */
        void line(String source, String requestId, String text);
    }

    /**
     * @param out where lines go; not null
     * @param colour whether to colour the prefixes (see {@link #colourWanted()})
     */
    public FunctionLogs(PrintStream out, boolean colour) {
        this(out, colour, (source, requestId, text) -> {});
    }

    /**
     * @param out where lines go; not null
     * @param colour whether to colour the prefixes (see {@link #colourWanted()})
     * @param tap receives every line too; not null
     */
    public FunctionLogs(PrintStream out, boolean colour, LogTap tap) {
        this.out = Objects.requireNonNull(out, "out");
        this.colour = colour;
        this.tap = Objects.requireNonNull(tap, "tap");
    }

    /** Lines are dropped: for tests that do not look at logs. */
    public static FunctionLogs discarding() {
        return new FunctionLogs(new PrintStream(PrintStream.nullOutputStream()), false);
    }

    /** Colour only on a terminal, and never when {@code NO_COLOR} is set (no-color.org). */
    public static boolean colourWanted() {
        String noColor = System.getenv("NO_COLOR");
        return System.console() != null && (noColor == null || noColor.isEmpty());
    }

    /** Prints one line of {@code functionName}. */
    public void line(String functionName, String text) {
        invocationLines(functionName, null, text);
    }

    /** Prints one line of {@code functionName} that belongs to invocation {@code requestId} (may be null). */
    public void invocationLine(String functionName, String requestId, String text) {
        invocationLines(functionName, requestId, text);
    }

    /** Prints lines of {@code functionName} together, in one write (e.g. {@code END} and {@code REPORT}). */
    public void lines(String functionName, String... texts) {
        invocationLines(functionName, null, texts);
    }

    /** Prints lines of invocation {@code requestId} (may be null) of {@code functionName} in one write. */
    public void invocationLines(String functionName, String requestId, String... texts) {
        String prefix = (colour
                        ? "\u001b[" + PALETTE.get(Math.floorMod(functionName.hashCode(), PALETTE.size())) + "m"
                                + functionName + RESET
                        : functionName)
                + " | ";
        StringBuilder b = new StringBuilder();
        for (String text : texts) {
            b.append(prefix).append(text).append(System.lineSeparator());
        }
        synchronized (out) {
            out.print(b);
            out.flush();
        }
        for (String text : texts) {
            tap.line(functionName, requestId, text);
        }
    }
}
