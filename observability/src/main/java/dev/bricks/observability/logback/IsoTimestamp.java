package dev.bricks.observability.logback;

/**
 * Epoch milliseconds as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC with plain arithmetic instead of
 * {@code java.time} formatters, which would load ~80 more classes on a cold start. Stateless and thread-safe.
 */
final class IsoTimestamp {

    private IsoTimestamp() {}

    /** Epoch milliseconds as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC (years 0000–9999). */
    static String format(long epochMillis) {
        long days = Math.floorDiv(epochMillis, 86_400_000L);
        long millisOfDay = Math.floorMod(epochMillis, 86_400_000L);
        // civil-from-days (proleptic Gregorian), after Howard Hinnant's algorithm
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        char[] out = new char[24];
        put(out, 0, year, 4);
        out[4] = '-';
        put(out, 5, month, 2);
        out[7] = '-';
        put(out, 8, day, 2);
        out[10] = 'T';
        put(out, 11, millisOfDay / 3_600_000, 2);
        out[13] = ':';
        put(out, 14, millisOfDay / 60_000 % 60, 2);
        out[16] = ':';
        put(out, 17, millisOfDay / 1000 % 60, 2);
        out[19] = '.';
        put(out, 20, millisOfDay % 1000, 3);
        out[23] = 'Z';
        return new String(out);
    }

    private static void put(char[] out, int at, long value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
