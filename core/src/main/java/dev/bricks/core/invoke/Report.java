package dev.bricks.core.invoke;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Lambda's {@code REPORT} line for one invocation run by {@link Invoker#main}: duration, billed duration, memory
 * size, max memory used (the JVM's resident peak, {@code VmHWM}, where {@code /proc} has it) and the init
 * duration (JVM start to the handler constructed: class loading, static init and the constructor). Off Lambda
 * there is no sandbox set-up, so the init duration is what a cold start adds on top of the JVM itself.
 */
record Report(LocalContext context, Duration duration, Duration init) {

    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    /** Time from this JVM's start (as the OS saw it) to now; falls back to from {@code fallbackStartNanos}. */
    static Duration sinceJvmStart(long fallbackStartNanos) {
        return ProcessHandle.current()
                .info()
                .startInstant()
                .map(started -> Duration.between(started, Instant.now()))
                .filter(d -> !d.isNegative())
                .orElseGet(() -> Duration.ofNanos(System.nanoTime() - fallbackStartNanos));
    }

    /** The line as Lambda writes it, tab-separated; {@code Max Memory Used} only where {@code /proc} is. */
    String line() {
        StringBuilder line = new StringBuilder("REPORT RequestId: ").append(context.getAwsRequestId());
        line.append("\tDuration: ").append(millis(duration)).append(" ms");
        line.append("\tBilled Duration: ")
                .append((long) Math.ceil(duration.toNanos() / 1e6))
                .append(" ms");
        line.append("\tMemory Size: ").append(context.getMemoryLimitInMB()).append(" MB");
        long peakMb = residentPeakMb();
        if (peakMb > 0) {
            line.append("\tMax Memory Used: ").append(peakMb).append(" MB");
        }
        line.append("\tInit Duration: ").append(millis(init)).append(" ms");
        return line.toString();
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.2f", d.toNanos() / 1e6);
    }

    private static long residentPeakMb() {
        if (!Files.isReadable(PROC_STATUS)) {
            return -1;
        }
        try {
            for (String l : Files.readAllLines(PROC_STATUS)) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
