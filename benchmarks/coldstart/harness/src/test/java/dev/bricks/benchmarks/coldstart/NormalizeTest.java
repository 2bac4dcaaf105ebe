package dev.bricks.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class NormalizeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void normalize_masksTimesUserAndTokenAndParsesDetail() throws IOException {
        String a =
                "{\"ClientRequestToken\":\"t-1\",\"Item\":{\"PK\":{\"S\":\"USER#u-a\"},\"CreatedAt\":{\"S\":\"2026-11-26T21:00:00.123Z\"}},"
                        + "\"Detail\":\"{\\\"orderId\\\":\\\"o\\\",\\\"userId\\\":\\\"u-a\\\"}\"}";
        String b =
                "{\"Detail\":\"{\\\"userId\\\":\\\"u-b\\\",\\\"orderId\\\":\\\"o\\\"}\",\"Item\":{\"CreatedAt\":{\"S\":\"2026-11-26T21:00:05Z\"},"
                        + "\"PK\":{\"S\":\"USER#u-b\"}},\"ClientRequestToken\":\"t-2\"}";

        assertThat(ColdStartBenchmark.normalize(JSON.readTree(a), "u-a"))
                .isEqualTo(ColdStartBenchmark.normalize(JSON.readTree(b), "u-b"));
    }

    @Test
    void normalize_differentSkus_stayDifferent() throws IOException {
        assertThat(ColdStartBenchmark.normalize(JSON.readTree("{\"Skus\":[\"a\"]}"), "u"))
                .isNotEqualTo(ColdStartBenchmark.normalize(JSON.readTree("{\"Skus\":[\"b\"]}"), "u"));
    }
}
