package dev.bricks.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

class BatchesTest {

    private static List<Entry<String>> entries(int count, long size) {
        List<Entry<String>> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(new Entry<>(i, "e" + i, PutEventsRequestEntry.builder().build(), size, 0));
        }
        return entries;
    }

    @ParameterizedTest(name = "{0} entries of {1} B, limit {2} B → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            25   | 10      | 1048576 | 10,10,5
            10   | 10      | 1048576 | 10
            11   | 10      | 1048576 | 10,1
            1    | 1048576 | 1048576 | 1
            3    | 1048576 | 1048576 | 1,1,1
            7    | 321     | 1000    | 3,3,1
            4    | 500     | 1000    | 2,2
            4    | 501     | 1000    | 1,1,1,1
            """)
    void split_countAndSizeLimits_greedyInOrder(int count, long size, long limit, String expected) {
        List<List<Entry<String>>> batches = Batches.split(entries(count, size), limit);

        assertThat(batches).extracting(List::size).map(String::valueOf).containsExactly(expected.split(","));
        assertThat(batches.stream().flatMap(List::stream).map(Entry::index).toList())
                .isEqualTo(java.util.stream.IntStream.range(0, count).boxed().toList());
    }

    @Test
    void sizeOf_followsEventBridgeFormula() {
        PutEventsRequestEntry entry = PutEventsRequestEntry.builder()
                .source("orders.app")
                .detailType("Bestellung über")
                .detail("{\"emoji\":\"😀\",\"é\":1}")
                .resources("arn:aws:s3:::a", "arn:aws:s3:::b")
                .time(Instant.EPOCH)
                .eventBusName("ignored-bus")
                .traceHeader("ignored")
                .build();

        long expected = 14
                + bytes("orders.app")
                + bytes("Bestellung über")
                + bytes("{\"emoji\":\"😀\",\"é\":1}")
                + bytes("arn:aws:s3:::a")
                + bytes("arn:aws:s3:::b");
        assertThat(Entry.sizeOf(entry)).isEqualTo(expected).isEqualTo(14 + 10 + 16 + 23 + 14 + 14);
        assertThat(Entry.sizeOf(entry.toBuilder()
                        .time(null)
                        .resources((List<String>) null)
                        .build()))
                .isEqualTo(10 + 16 + 23);
    }

    private static long bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
