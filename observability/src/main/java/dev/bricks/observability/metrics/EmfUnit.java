package dev.bricks.observability.metrics;

import java.util.Locale;

/** CloudWatch unit names, and the mapping from micrometer base units to them. */
public final class EmfUnit {

    /** {@code Count}. */
    public static final String COUNT = "Count";
    /** {@code Milliseconds}. */
    public static final String MILLISECONDS = "Milliseconds";
    /** {@code None}. */
    public static final String NONE = "None";

    private EmfUnit() {}

    /** The CloudWatch unit for a micrometer base unit ({@code null} or unknown → {@code None}). */
    static String of(String baseUnit) {
        if (baseUnit == null) {
            return NONE;
        }
        return switch (baseUnit.toLowerCase(Locale.ROOT)) {
            case "seconds", "second" -> "Seconds";
            case "milliseconds", "millisecond", "ms" -> MILLISECONDS;
            case "microseconds", "microsecond" -> "Microseconds";
            case "bytes", "byte" -> "Bytes";
            case "kilobytes" -> "Kilobytes";
            case "megabytes" -> "Megabytes";
            case "gigabytes" -> "Gigabytes";
            case "terabytes" -> "Terabytes";
            case "bits" -> "Bits";
            case "percent" -> "Percent";
            case "count",
                    "events",
                    "requests",
                    "items",
                    "messages",
                    "operations",
                    "tasks",
                    "threads",
                    "connections",
                    "objects",
                    "rows",
                    "retries" -> COUNT;
            case "bytes/second", "bytes_per_second" -> "Bytes/Second";
            case "count/second", "requests/second" -> "Count/Second";
            default -> NONE;
        };
    }
}
