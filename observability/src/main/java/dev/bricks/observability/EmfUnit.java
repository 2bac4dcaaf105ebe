package dev.bricks.observability;

import java.util.Locale;

/** Maps micrometer base units to CloudWatch unit names. */
final class EmfUnit {

    static final String COUNT = "Count";
    static final String MILLISECONDS = "Milliseconds";
    static final String NONE = "None";

    private EmfUnit() {
    }

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
            case "count", "events", "requests", "items", "messages", "operations", "tasks", "threads",
                 "connections", "objects", "rows", "retries" -> COUNT;
            case "bytes/second", "bytes_per_second" -> "Bytes/Second";
            case "count/second", "requests/second" -> "Count/Second";
            default -> NONE;
        };
    }
}
