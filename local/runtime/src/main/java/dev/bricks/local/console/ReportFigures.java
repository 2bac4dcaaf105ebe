package dev.bricks.local.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of one {@code REPORT} line.
 *
 * @param requestId the invocation; never null
 * @param durationMs {@code Duration}
 * @param initDurationMs {@code Init Duration}; null on a warm invocation
 * @param memorySizeMb {@code Memory Size}; null when absent
 * @param maxMemoryUsedMb {@code Max Memory Used}; null when absent
 * @param line the line itself
 */
record ReportFigures(
        String requestId,
        Double durationMs,
        Double initDurationMs,
        Integer memorySizeMb,
        Integer maxMemoryUsedMb,
        String line) {

    private static final Pattern ID = Pattern.compile("REPORT RequestId: (\\S+)");
    private static final Pattern DURATION = Pattern.compile("\\tDuration: ([0-9.]+) ms");
    private static final Pattern INIT = Pattern.compile("Init Duration: ([0-9.]+) ms");
    private static final Pattern MEMORY = Pattern.compile("Memory Size: (\\d+) MB");
    private static final Pattern MAX_MEMORY = Pattern.compile("Max Memory Used: (\\d+) MB");

    static ReportFigures parse(String line) {
        Matcher id = ID.matcher(line);
        return new ReportFigures(
                id.find() ? id.group(1) : "",
                number(DURATION, line),
                number(INIT, line),
                integer(MEMORY, line),
                integer(MAX_MEMORY, line),
                line);
    }

    private static Double number(Pattern p, String line) {
        Matcher m = p.matcher(line);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    private static Integer integer(Pattern p, String line) {
        Matcher m = p.matcher(line);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
