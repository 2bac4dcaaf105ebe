package dev.bricks.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.core.Correlation;
import dev.bricks.core.RetryPolicy;
import dev.bricks.core.TraceHeader;
import dev.bricks.local.eventbridge.EntryFault;
import dev.bricks.local.eventbridge.LocalEventBridge;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** The publisher against the local bus, through the real SDK client. */
class EventPublisherTest extends LocalBusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDERS_RULE = "{\"source\":[\"orders.app\"],\"detail-type\":[\"OrderPlaced\"]}";

    private final Fixtures.Recorder consumer = new Fixtures.Recorder();

    @BeforeEach
    void routeOrders() {
        bus.addRule("orders", ORDERS_RULE, consumer);
    }

    private EventPublisher.Builder publisher() {
        return EventPublisher.builder().client(client).retryPolicy(fastRetries().build());
    }

    private static RetryPolicy.Builder fastRetries() {
        return RetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(40));
    }

    @Test
    void publishAll_25Events_threePutEventsCallsAndAllDelivered() throws Exception {
        List<OrderPlaced> orders = Fixtures.orders(25);

        PublishResult<OrderPlaced> result = publisher().build().publishAll(orders);

        assertThat(result.allPublished()).isTrue();
        assertThat(result.putEventsCalls()).isEqualTo(3);
        assertThat(bus.putEventsCalls()).isEqualTo(3);
        assertThat(result.published()).extracting(PublishedEvent::event).containsExactlyElementsOf(orders);
        assertThat(result.published())
                .extracting(PublishedEvent::eventId)
                .doesNotHaveDuplicates()
                .doesNotContainNull();
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();
        assertThat(consumer.deliveries).hasSize(25);
    }

    @Test
    void publishAll_entriesFillingSizeLimit_splitBySizeAndAcceptedByBusWithSameLimit() {
        bus.close();
        bus = LocalEventBridge.builder().maxRequestBytes(1_000).build().start();
        client.close();
        client = Fixtures.client(bus);
        List<OutgoingEvent> events = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            events.add(OutgoingEvent.of("a.b", "Padded", Map.of("pad", "x".repeat(250))));
        }
        // each entry: 3 + 6 + 312 (51 of them the _event_id member) = 321 bytes → 3 per 1 000-byte request
        PublishResult<OutgoingEvent> result =
                publisher().maxRequestBytes(1_000).build().publishAll(events);

        assertThat(result.allPublished()).isTrue();
        assertThat(result.putEventsCalls()).isEqualTo(3);
        assertThat(bus.putEventsCalls()).isEqualTo(3);
        assertThat(bus.acceptedEntries()).isEqualTo(7);
    }

    @Test
    void publish_entryOverLimit_eventTooLargeBeforeAnyCall() {
        EventPublisher small = publisher().maxRequestBytes(200).build();
        List<Object> events = List.of(
                new OrderPlaced("o-1", "u", 1), OutgoingEvent.of("a.b", "Padded", Map.of("pad", "é".repeat(100))));

        assertThatThrownBy(() -> small.publishAll(events))
                .isInstanceOfSatisfying(EventTooLargeException.class, e -> {
                    assertThat(e.index()).isEqualTo(1);
                    assertThat(e.entryBytes())
                            .isEqualTo(3 + 6 + "{\"pad\":\"\"}".length() + 200 + Fixtures.EVENT_ID_MEMBER_BYTES);
                    assertThat(e.limitBytes()).isEqualTo(200);
                    assertThat(e.reason()).isEqualTo(EventRejectedException.Reason.TOO_LARGE);
                })
                .hasMessage("Event rejected: event 1: a.b/Padded is 270 bytes, over the PutEvents limit of 200 bytes");
        assertThat(bus.putEventsCalls()).isZero();
    }

    @ParameterizedTest
    @EnumSource(
            value = EntryFault.class,
            names = {"INTERNAL_FAILURE", "THROTTLING"})
    void publishAll_injectedRetryableFailures_retriedUntilAllPublished(EntryFault fault) throws Exception {
        bus.failNextEntries(12, fault);
        List<OrderPlaced> orders = Fixtures.orders(25);

        PublishResult<OrderPlaced> result = publisher().build().publishAll(orders);

        assertThat(result.allPublished()).isTrue();
        assertThat(result.published()).extracting(PublishedEvent::event).containsExactlyElementsOf(orders);
        // round 1: 3 calls, 12 entries fail; round 2: 12 entries in 2 calls
        assertThat(result.putEventsCalls()).isEqualTo(5);
        assertThat(bus.putEventsCalls()).isEqualTo(5);
        assertThat(bus.acceptedEntries()).isEqualTo(25);
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();
        assertThat(consumer.deliveries).hasSize(25);
    }

    @Test
    void publishAll_failingBeyondDeadline_returnedWithCodesAndOriginalEvents() {
        bus.failNextEntries(1_000, EntryFault.THROTTLING);
        List<OrderPlaced> orders = Fixtures.orders(5);
        long start = System.nanoTime();

        PublishResult<OrderPlaced> result = publisher()
                .retryPolicy(fastRetries().deadline(Duration.ofMillis(300)).build())
                .build()
                .publishAll(orders);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(result.published()).isEmpty();
        assertThat(result.failed()).extracting(FailedEvent::event).containsExactlyElementsOf(orders);
        assertThat(result.failed()).allSatisfy(f -> {
            assertThat(f.errorCode()).isEqualTo("ThrottlingException");
            assertThat(f.errorMessage()).isEqualTo("Rate exceeded.");
            assertThat(f.retryable()).isTrue();
            assertThat(f.attempts()).isGreaterThan(1).isEqualTo(result.putEventsCalls());
        });
        assertThatThrownBy(result::orThrow)
                .isInstanceOf(PublishFailedException.class)
                .hasMessageStartingWith("Events not published: 5 of 5, first: ThrottlingException");
    }

    @Test
    void publishAll_nonRetryableFailures_returnedAtOnceOthersPublished() {
        bus.failNextEntries(2, EntryFault.ACCESS_DENIED);
        List<Object> events = new ArrayList<>(Fixtures.orders(4));
        events.add(OutgoingEvent.of("aws.orders", "OrderPlaced", Map.of("orderId", "o-9")));

        PublishResult<Object> result = publisher().build().publishAll(events);

        assertThat(result.putEventsCalls()).isEqualTo(1);
        assertThat(result.failed())
                .extracting(FailedEvent::event, FailedEvent::errorCode, FailedEvent::attempts, FailedEvent::retryable)
                .containsExactly(
                        tuple(events.get(0), "AccessDeniedException", 1, false),
                        tuple(events.get(1), "AccessDeniedException", 1, false),
                        tuple(events.get(4), "NotAuthorizedForSourceException", 1, false));
        assertThat(result.published()).extracting(PublishedEvent::event).containsExactly(events.get(2), events.get(3));
    }

    @Test
    void publish_correlationAndTraceHeaderSet_presentAtConsumer() throws Exception {
        Correlation.set("corr-42");
        System.setProperty(
                TraceHeader.SYSTEM_PROPERTY,
                "Root=1-6745a1b2-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1");

        publisher().build().publish(new OrderPlaced("o-1", "u-1", 2)).orThrow();
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();

        assertThat(consumer.deliveries).singleElement().satisfies(d -> {
            assertThat(d.traceHeader())
                    .contains("Root=1-6745a1b2-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1");
            JsonNode detail = JSON.readTree(d.envelopeJson()).get("detail");
            assertThat(detail.toString())
                    .matches("\\{\"_correlation_id\":\"corr-42\"," + Fixtures.EVENT_ID
                            + ",\"orderId\":\"o-1\",\"userId\":\"u-1\",\"itemCount\":2}");
        });
    }

    @Test
    void publish_noCorrelationNoTrace_detailIsTheRecordAndItsEventId() throws Exception {
        publisher().build().publish(new OrderPlaced("o-1", "u-1", 2)).orThrow();
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();

        assertThat(consumer.deliveries).singleElement().satisfies(d -> {
            assertThat(d.traceHeader()).isEmpty();
            assertThat(JSON.readTree(d.envelopeJson()).get("detail").toString())
                    .matches("\\{" + Fixtures.EVENT_ID + ",\"orderId\":\"o-1\",\"userId\":\"u-1\",\"itemCount\":2}");
        });
    }

    @Test
    void publish_explicitSourceAndDetailType_deliveredWithThemAndResources() throws Exception {
        Fixtures.Recorder billing = new Fixtures.Recorder();
        bus.addRule("billing", "{\"source\":[\"billing.app\"],\"resources\":[{\"prefix\":\"arn:aws:s3\"}]}", billing);
        Correlation.set("c-1");

        publisher()
                .build()
                .publish(OutgoingEvent.of("billing.app", "InvoiceIssued", Map.of())
                        .withResources("arn:aws:s3:::invoices/1.pdf"))
                .orThrow();
        publisher()
                .build()
                .publish("billing.app", "InvoiceIssued", Map.of("n", 1))
                .orThrow();
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();

        assertThat(billing.deliveries).singleElement().satisfies(d -> {
            JsonNode envelope = JSON.readTree(d.envelopeJson());
            assertThat(envelope.get("detail-type").asText()).isEqualTo("InvoiceIssued");
            assertThat(envelope.get("detail").toString())
                    .matches("\\{\"_correlation_id\":\"c-1\"," + Fixtures.EVENT_ID + "}");
        });
    }

    @Test
    void publish_notAnnotated_rejectedBeforeAnyCall() {
        record Unmarked(String id) {}
        assertThatThrownBy(
                        () -> publisher().build().publishAll(List.of(new OrderPlaced("o", "u", 1), new Unmarked("x"))))
                .isInstanceOfSatisfying(EventRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(EventRejectedException.Reason.NO_SOURCE_OR_DETAIL_TYPE);
                    assertThat(e.index()).isEqualTo(1);
                })
                .hasMessageContaining("has no @DomainEvent");
        assertThat(bus.putEventsCalls()).isZero();
    }

    @Test
    void publish_detailNotAnObject_rejected() {
        assertThatThrownBy(() -> publisher().build().publish("a.b", "T", List.of(1, 2)))
                .isInstanceOfSatisfying(
                        EventRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(EventRejectedException.Reason.DETAIL_NOT_AN_OBJECT))
                .hasMessageContaining("must be written as a JSON object, got [1,2]");
        assertThat(bus.putEventsCalls()).isZero();
    }

    @Test
    void publish_namedBusWithRule_deliveredByThatBusRule() throws Exception {
        Fixtures.Recorder onOrdersBus = new Fixtures.Recorder();
        bus.addRule("orders", "orders-to-inventory", ORDERS_RULE, onOrdersBus);

        PublishResult<OrderPlaced> result =
                publisher().eventBusName("orders").build().publish(new OrderPlaced("o", "u", 1));

        assertThat(result.allPublished()).isTrue();
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();
        assertThat(onOrdersBus.deliveries)
                .singleElement()
                .satisfies(d -> assertThat(d.ruleName()).isEqualTo("orders-to-inventory"));
        assertThat(consumer.deliveries)
                .as("the default bus' rule sees nothing of bus orders")
                .isEmpty();
        assertThat(bus.unmatchedEntries("orders")).isZero();
    }

    @Test
    void publish_namedBusWithoutRule_acceptedButCountedAsUnmatched() throws Exception {
        PublishResult<OrderPlaced> result =
                publisher().eventBusName("orders").build().publish(new OrderPlaced("o", "u", 1));

        assertThat(result.allPublished())
                .as("EventBridge accepts it: nothing says it went nowhere")
                .isTrue();
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();
        assertThat(consumer.deliveries).as("rule lives on the default bus").isEmpty();
        assertThat(bus.unmatchedEntries("orders"))
                .as("but the local bus counts it")
                .isEqualTo(1);
    }

    @Test
    void publishAll_wholeCallRejected_everyEntryReturnedWithServiceCode() {
        bus.close();
        bus = LocalEventBridge.builder()
                .maxRequestBytes(LocalEventBridge.LEGACY_MAX_REQUEST_BYTES)
                .build()
                .start();
        client.close();
        client = Fixtures.client(bus);
        List<OutgoingEvent> events = List.of(
                OutgoingEvent.of("a.b", "Big", Map.of("pad", "x".repeat(200_000))),
                OutgoingEvent.of("a.b", "Big", Map.of("pad", "y".repeat(200_000))));

        PublishResult<OutgoingEvent> result = publisher().build().publishAll(events);

        assertThat(result.putEventsCalls()).isEqualTo(1);
        assertThat(result.failed()).extracting(FailedEvent::event).containsExactlyElementsOf(events);
        assertThat(result.failed()).allSatisfy(f -> {
            assertThat(f.errorCode()).isEqualTo("ValidationException");
            assertThat(f.errorMessage()).contains("Total size of the entries in the request is over the limit");
            assertThat(f.retryable()).isFalse();
        });
    }

    @Test
    void publishAll_busUnreachable_retriedUntilDeadlineThenReturned() {
        URI endpoint = bus.endpoint();
        bus.close();
        try (EventBridgeClient unreachable = EventBridgeClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                .build()) {
            PublishResult<OrderPlaced> result = EventPublisher.builder()
                    .client(unreachable)
                    .retryPolicy(RetryPolicy.builder()
                            .deadline(Duration.ofMillis(200))
                            .initialBackoff(Duration.ofMillis(20))
                            .maxBackoff(Duration.ofMillis(40))
                            .build())
                    .build()
                    .publish(new OrderPlaced("o-1", "u", 1));

            assertThat(result.published()).isEmpty();
            assertThat(result.failed()).singleElement().satisfies(f -> {
                assertThat(f.errorCode()).isEqualTo("SdkClientException");
                assertThat(f.retryable()).isTrue();
                assertThat(f.attempts()).isGreaterThan(1);
            });
        }
    }

    @Test
    void publishAll_empty_noCallEmptyResult() {
        PublishResult<OrderPlaced> result = publisher().build().publishAll(List.<OrderPlaced>of());

        assertThat(result).isEqualTo(new PublishResult<OrderPlaced>(List.of(), List.of(), 0));
        assertThat(bus.putEventsCalls()).isZero();
    }

    @Test
    void publishAll_fromFourThreadsSharingOnePublisher_allPublishedInOwnBatches() throws Exception {
        EventPublisher shared = publisher().build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PublishResult<OrderPlaced>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> shared.publishAll(Fixtures.orders(50))));
            }
            for (Future<PublishResult<OrderPlaced>> f : futures) {
                PublishResult<OrderPlaced> result = f.get(10, TimeUnit.SECONDS);
                assertThat(result.published()).hasSize(50);
                assertThat(result.putEventsCalls()).isEqualTo(5);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(bus.putEventsCalls()).isEqualTo(20);
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();
        assertThat(consumer.deliveries).hasSize(200);
    }
}
