package dev.bricks.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.core.Correlation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default 1 MiB request limit and the correlation member, end to end through the local bus. */
class DetailLimitsTest extends LocalBusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An entry of {@code bytes} bytes as EventBridge counts them: "a.b" + "T" + {"_event_id":…,"pad":"x…"}. */
    private static OutgoingEvent entryOf(int bytes) {
        return OutgoingEvent.of(
                "a.b",
                "T",
                Map.of("pad", "x".repeat(bytes - 3 - 1 - "{\"pad\":\"\"}".length() - Fixtures.EVENT_ID_MEMBER_BYTES)));
    }

    @Test
    void publish_entryOfExactlyOneMiB_acceptedWithDefaults() {
        try (EventPublisher publisher = EventPublisher.builder().client(client).build()) {
            PublishResult<OutgoingEvent> result = publisher.publish(entryOf(1_048_576));

            assertThat(result.allPublished()).isTrue();
            assertThat(bus.acceptedEntries()).isEqualTo(1);
        }
    }

    @Test
    void publish_entryOneByteOverOneMiB_rejectedBeforeAnyCall() {
        try (EventPublisher publisher = EventPublisher.builder().client(client).build()) {
            assertThatThrownBy(() -> publisher.publish(entryOf(1_048_577)))
                    .isInstanceOfSatisfying(EventTooLargeException.class, e -> {
                        assertThat(e.entryBytes()).isEqualTo(1_048_577);
                        assertThat(e.limitBytes())
                                .isEqualTo(EventPublisher.DEFAULT_MAX_REQUEST_BYTES)
                                .isEqualTo(1_048_576);
                    });
            assertThat(bus.putEventsCalls()).isZero();
        }
    }

    /** A record that carries its own correlation member (e.g. re-publishing what it consumed). */
    @DomainEvent(source = "orders.app", detailType = "OrderAudited")
    record OrderAudited(String _correlation_id, String orderId) {}

    /** Publishes one event inside an invocation with correlation id {@code current-invocation}; the delivered envelope. */
    private String deliveredUnderCorrelation(Object event) throws Exception {
        Fixtures.Recorder consumer = new Fixtures.Recorder();
        bus.addRule("all", "{\"source\":[\"orders.app\",\"billing.app\"]}", consumer);
        Correlation.set("current-invocation");
        try (EventPublisher publisher = EventPublisher.builder().client(client).build()) {
            publisher.publish(event).orThrow();
        }
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();
        return consumer.deliveries.get(0).envelopeJson();
    }

    @Test
    void publish_recordWithOwnCorrelationMember_oneMemberWithTheRecordsValue() throws Exception {
        String envelope = deliveredUnderCorrelation(new OrderAudited("from-the-record", "o-1"));

        assertThat(JSON.readTree(envelope).get("detail").toString())
                .matches("\\{" + Fixtures.EVENT_ID + ",\"_correlation_id\":\"from-the-record\",\"orderId\":\"o-1\"}");
        assertThat(envelope.split("\"_correlation_id\"", -1))
                .as("one member, not two")
                .hasSize(2);
    }

    @Test
    void publish_mapWithOwnCorrelationMemberNotFirst_keptOnce() throws Exception {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("nested", Map.of("_correlation_id", "inner"));
        detail.put("_correlation_id", "mine");

        String envelope = deliveredUnderCorrelation(OutgoingEvent.of("billing.app", "InvoiceIssued", detail));

        assertThat(JSON.readTree(envelope).get("detail").toString())
                .matches("\\{" + Fixtures.EVENT_ID
                        + ",\"nested\":\\{\"_correlation_id\":\"inner\"},\"_correlation_id\":\"mine\"}");
    }

    @Test
    void publish_nestedCorrelationMemberOnly_currentIdAddedAtTopLevel() throws Exception {
        String envelope = deliveredUnderCorrelation(
                OutgoingEvent.of("billing.app", "InvoiceIssued", Map.of("nested", Map.of("_correlation_id", "inner"))));

        assertThat(JSON.readTree(envelope).get("detail").toString())
                .matches("\\{\"_correlation_id\":\"current-invocation\"," + Fixtures.EVENT_ID
                        + ",\"nested\":\\{\"_correlation_id\":\"inner\"}}");
    }
}
