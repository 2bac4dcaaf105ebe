package dev.bricks.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.core.Correlation;
import dev.bricks.core.TraceHeader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An event rendered in one invocation and published later arrives as a direct publish would have. */
class PreparedEventTest extends LocalBusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACE = "Root=1-6745a1b2-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1";

    private final Fixtures.Recorder consumer = new Fixtures.Recorder();

    @BeforeEach
    void routeOrders() {
        bus.addRule("orders", "{\"source\":[\"orders.app\"]}", consumer);
    }

    @Test
    void of_renderedUnderCorrelation_publishedElsewhereWithItsOwnIdsAndTrace() throws Exception {
        Correlation.set("corr-writer");
        System.setProperty(TraceHeader.SYSTEM_PROPERTY, TRACE);
        PreparedEvent prepared = PreparedEvent.of(new OrderPlaced("o-1", "u-1", 2));
        Correlation.set("corr-relay");
        System.setProperty(TraceHeader.SYSTEM_PROPERTY, "Root=1-00000000-000000000000000000000000");

        EventPublisher.builder()
                .client(client)
                .build()
                .publishAll(List.of(prepared))
                .orThrow();
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();

        assertThat(consumer.deliveries).singleElement().satisfies(d -> {
            assertThat(d.traceHeader()).contains(TRACE);
            JsonNode detail = JSON.readTree(d.envelopeJson()).get("detail");
            assertThat(detail.toString())
                    .isEqualTo("{\"_correlation_id\":\"corr-writer\",\"_event_id\":\"" + prepared.eventId()
                            + "\",\"orderId\":\"o-1\",\"userId\":\"u-1\",\"itemCount\":2}");
        });
        assertThat(prepared.source()).isEqualTo("orders.app");
        assertThat(prepared.detailType()).isEqualTo("OrderPlaced");
    }

    @Test
    void of_twoEvents_idsSortByCreationTime() throws Exception {
        PreparedEvent first = PreparedEvent.of(new OrderPlaced("o-1", "u-1", 1));
        Thread.sleep(2);
        PreparedEvent second = PreparedEvent.of(new OrderPlaced("o-2", "u-1", 1));

        assertThat(first.eventId()).isLessThan(second.eventId());
        assertThat(PreparedEvent.of(first)).isSameAs(first);
    }
}
