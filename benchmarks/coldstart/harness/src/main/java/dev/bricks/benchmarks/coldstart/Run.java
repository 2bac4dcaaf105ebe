package dev.bricks.benchmarks.coldstart;

/**
 * One fresh environment serving one invocation.
 *
 * @param variant the variant's name
 * @param round 1-based round of the interleaved schedule
 * @param initMs process start to the runtime client's first {@code next}
 * @param durationMs {@code next} to response
 * @param wholeMs process start to response
 * @param peakRssMb peak resident set size of the function JVM
 * @param classes classes loaded when the response arrived
 * @param sharedClasses of which from a CDS archive
 */
record Run(
        String variant,
        int round,
        double initMs,
        double durationMs,
        double wholeMs,
        double peakRssMb,
        long classes,
        long sharedClasses) {

    static String csvHeader() {
        return "variant,round,init_ms,duration_ms,whole_ms,peak_rss_mb,classes,shared_classes";
    }

    String csv() {
        return String.join(
                ",",
                variant,
                Integer.toString(round),
                fmt(initMs),
                fmt(durationMs),
                fmt(wholeMs),
                fmt(peakRssMb),
                Long.toString(classes),
                Long.toString(sharedClasses));
    }

    private static String fmt(double d) {
        return String.format(java.util.Locale.ROOT, "%.2f", d);
    }
}
