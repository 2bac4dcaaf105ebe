package dev.bricks.local.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

class PutEventsTest extends LocalBusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    LocalEventBridge.Builder busOptions() {
        return LocalEventBridge.builder()
                .port(0)
                .region("eu-west-1")
                .account("123456789012")
                .maxRequestBytes(4_096);
    }

    @Test
    void putEvents_mixedValidAndInvalidEntries_perEntryCodesInRequestOrder() {
        PutEventsResponse response = client.putEvents(r -> r.entries(
                Sdk.entry("orders.app", "OrderPlaced", "{\"id\":1}"),
                PutEventsRequestEntry.builder()
                        .detailType("OrderPlaced")
                        .detail("{}")
                        .build(),
                PutEventsRequestEntry.builder()
                        .source("orders.app")
                        .detail("{}")
                        .build(),
                PutEventsRequestEntry.builder()
                        .source("orders.app")
                        .detailType("OrderPlaced")
                        .build(),
                Sdk.entry("orders.app", "OrderPlaced", "[1,2]"),
                Sdk.entry("orders.app", "OrderPlaced", "{not json"),
                Sdk.entry("aws.orders", "OrderPlaced", "{}"),
                Sdk.entry("orders.app", "OrderPlaced", "{}")));

        List<String> codes = new ArrayList<>();
        for (PutEventsResultEntry e : response.entries()) {
            codes.add(e.errorCode() == null ? "ok" : e.errorCode());
        }
        assertThat(codes)
                .containsExactly(
                        "ok",
                        "InvalidArgument",
                        "InvalidArgument",
                        "InvalidArgument",
                        "MalformedDetail",
                        "MalformedDetail",
                        "NotAuthorizedForSourceException",
                        "ok");
        assertThat(response.failedEntryCount()).isEqualTo(6);
        assertThat(response.entries().get(1).errorMessage()).contains("Source is a required argument");
        assertThat(response.entries().get(2).errorMessage()).contains("DetailType is a required argument");
        assertThat(response.entries().get(3).errorMessage()).contains("Detail is a required argument");
        assertThat(response.entries().get(0).eventId()).isNotBlank();
        assertThat(response.entries().get(7).eventId())
                .isNotBlank()
                .isNotEqualTo(response.entries().get(0).eventId());
        assertThat(bus.acceptedEntries()).isEqualTo(2);
    }

    @Test
    void putEvents_elevenEntries_validationExceptionForWholeRequest() {
        List<PutEventsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            entries.add(Sdk.entry("orders.app", "OrderPlaced", "{}"));
        }
        assertThatThrownBy(() -> client.putEvents(r -> r.entries(entries)))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("less than or equal to 10");
                });
        assertThat(bus.acceptedEntries()).isZero();
    }

    @Test
    void putEvents_entriesOverSizeLimit_validationExceptionForWholeRequest() {
        String detail = "{\"pad\":\"" + "x".repeat(2_100) + "\"}";
        assertThatThrownBy(() -> client.putEvents(r -> r.entries(
                        Sdk.entry("orders.app", "OrderPlaced", detail),
                        Sdk.entry("orders.app", "OrderPlaced", detail))))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .contains("Total size of the entries in the request is over the limit");
                });
        assertThat(bus.acceptedEntries()).isZero();
    }

    @Test
    void putEvents_entriesExactlyAtSizeLimit_accepted() {
        String source = "orders.app";
        String type = "OrderPlaced";
        int padding = 4_096 - source.length() - type.length() - "{\"pad\":\"\"}".length();
        String detail = "{\"pad\":\"" + "é".repeat(padding / 2) + "x".repeat(padding % 2) + "\"}";
        assertThat(EventsApi.entrySize(
                        JSON.valueToTree(java.util.Map.of("Source", source, "DetailType", type, "Detail", detail))))
                .isEqualTo(4_096);
        PutEventsResponse response = client.putEvents(r -> r.entries(Sdk.entry(source, type, detail)));
        assertThat(response.failedEntryCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(EntryFault.class)
    void putEvents_injectedFault_nextEntriesFailWithItsCodeThenSucceed(EntryFault fault) {
        bus.failNextEntries(2, fault);
        PutEventsResponse response = client.putEvents(
                r -> r.entries(Sdk.entry("a.b", "T", "{}"), Sdk.entry("a.b", "T", "{}"), Sdk.entry("a.b", "T", "{}")));

        assertThat(response.failedEntryCount()).isEqualTo(2);
        assertThat(response.entries())
                .extracting(PutEventsResultEntry::errorCode)
                .containsExactly(fault.errorCode(), fault.errorCode(), null);
        assertThat(response.entries().get(2).eventId()).isNotBlank();
    }

    @Test
    void putEvents_matchingRule_deliversEnvelopeWithTraceHeader() throws Exception {
        Sdk.Recorder target = new Sdk.Recorder();
        bus.addRule("orders", "{\"source\":[\"orders.app\"],\"detail-type\":[\"OrderPlaced\"]}", target);
        java.time.Instant time = java.time.Instant.parse("2026-11-26T10:15:30.250Z");

        PutEventsResponse response = client.putEvents(r -> r.entries(PutEventsRequestEntry.builder()
                .source("orders.app")
                .detailType("OrderPlaced")
                .detail("{\"orderId\":\"o-1\",\"lines\":[1,2]}")
                .resources("arn:aws:dynamodb:eu-west-1:123456789012:table/orders")
                .time(time)
                .traceHeader("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1")
                .build()));
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();

        assertThat(target.deliveries).hasSize(1);
        DeliveredEvent delivered = target.deliveries.get(0);
        assertThat(delivered.traceHeader()).contains("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
        assertThat(delivered.ruleName()).isEqualTo("orders");
        assertThat(delivered.attempt()).isEqualTo(1);
        JsonNode envelope = JSON.readTree(delivered.envelopeJson());
        assertThat(JSON.writeValueAsString(envelope))
                .isEqualTo("{\"version\":\"0\",\"id\":\""
                        + response.entries().get(0).eventId()
                        + "\",\"detail-type\":\"OrderPlaced\",\"source\":\"orders.app\","
                        + "\"account\":\"123456789012\",\"time\":\"2026-11-26T10:15:30Z\",\"region\":\"eu-west-1\","
                        + "\"resources\":[\"arn:aws:dynamodb:eu-west-1:123456789012:table/orders\"],"
                        + "\"detail\":{\"orderId\":\"o-1\",\"lines\":[1,2]}}");
        assertThat(envelope.get("id").asText())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void putEvents_noTimeGiven_envelopeTimeIsNowInIsoSeconds() throws Exception {
        Sdk.Recorder target = new Sdk.Recorder();
        bus.addRule("all", "{\"source\":[{\"prefix\":\"\"}]}", target);
        client.putEvents(r -> r.entries(Sdk.entry("a.b", "T", "{}")));
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();

        String time = JSON.readTree(target.deliveries.get(0).envelopeJson())
                .get("time")
                .asText();
        assertThat(time).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(Duration.between(java.time.Instant.parse(time), java.time.Instant.now()))
                .isLessThan(Duration.ofSeconds(5));
        assertThat(target.deliveries.get(0).traceHeader()).isEmpty();
    }

    @Test
    void putEvents_otherBusByName_onlyThatBusRulesMatch() throws Exception {
        Sdk.Recorder onDefault = new Sdk.Recorder();
        bus.addRule("all", "{\"source\":[\"a.b\"]}", onDefault);
        client.putEvents(r -> r.entries(PutEventsRequestEntry.builder()
                .source("a.b")
                .detailType("T")
                .detail("{}")
                .eventBusName("arn:aws:events:eu-west-1:123456789012:event-bus/orders")
                .build()));
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();

        assertThat(onDefault.deliveries).isEmpty();
        assertThat(bus.acceptedEntries()).isEqualTo(1);
    }
}
