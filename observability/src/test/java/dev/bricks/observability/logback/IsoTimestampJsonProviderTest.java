package dev.bricks.observability.logback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IsoTimestampJsonProviderTest {

    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource({
        "0,1970-01-01T00:00:00.000Z",
        "951782400000,2000-02-29T00:00:00.000Z",
        "1795732962939,2026-11-26T22:42:42.939Z",
        "-1,1969-12-31T23:59:59.999Z",
        "253402300799999,9999-12-31T23:59:59.999Z"
    })
    void format_knownInstants_iso8601UtcMillis(long millis, String expected) {
        assertThat(IsoTimestampJsonProvider.format(millis)).isEqualTo(expected);
    }

    @Test
    void format_randomInstants_agreesWithJavaTime() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long millis = random.nextLong(0, 253402300799999L);
            assertThat(IsoTimestampJsonProvider.format(millis)).isEqualTo(ISO.format(Instant.ofEpochMilli(millis)));
        }
    }
}
