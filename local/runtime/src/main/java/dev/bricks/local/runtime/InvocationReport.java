package dev.bricks.local.runtime;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The figures Lambda's {@code REPORT} log line gives for one invocation, plus what a cold-start study needs.
 *
 * @param requestId the invocation's request id; never null
 * @param initDuration process start until the runtime's first {@code next}; present only on the environment's
 *     first invocation, as on Lambda
 * @param duration the event handed to {@code next} until the runtime's answer; never null
 * @param sinceProcessStart process start until the runtime's answer: the whole cold start as a caller sees it
 * @param maxMemoryUsedKb peak resident set size of the function JVM ({@code VmHWM} in
 *     {@code /proc/<pid>/status}) when the answer arrived, in KiB; empty where {@code /proc} is unavailable
 * @param loadedClasses classes the JVM had loaded when the answer arrived (HotSpot's
 *     {@code java.cls.loadedClasses} counter); read on the environment's first invocation only (a cold-start
 *     figure; reading it costs a file read a warm invocation should not pay), empty afterwards and where the
 *     counter cannot be read
 * @param sharedClasses of those, classes that came from a class-data-sharing archive
 *     ({@code sun.cls.sharedLoadedClasses}); present when {@code loadedClasses} is
 */
public record InvocationReport(
        String requestId,
        Optional<Duration> initDuration,
        Duration duration,
        Duration sinceProcessStart,
        OptionalLong maxMemoryUsedKb,
        OptionalLong loadedClasses,
        OptionalLong sharedClasses) {

    /** The report as Lambda would log it, e.g. {@code REPORT RequestId: … Duration: 12.34 ms …}. */
    public String toReportLine() {
        StringBuilder b = new StringBuilder("REPORT RequestId: ")
                .append(requestId)
                .append("\tDuration: ")
                .append(millis(duration))
                .append(" ms");
        maxMemoryUsedKb.ifPresent(
                kb -> b.append("\tMax Memory Used: ").append(kb / 1024).append(" MB"));
        initDuration.ifPresent(
                d -> b.append("\tInit Duration: ").append(millis(d)).append(" ms"));
        return b.toString();
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.2f", d.toNanos() / 1e6);
    }
}
