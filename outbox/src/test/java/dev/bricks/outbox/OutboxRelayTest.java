package dev.bricks.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.core.Correlation;
import dev.bricks.core.RetryPolicy;
import dev.bricks.core.TraceHeader;
import dev.bricks.dynamo.DynamoTable;
import dev.bricks.dynamo.TableDefinition;
import dev.bricks.dynamo.TransactionBuilder;
import dev.bricks.dynamo.TransactionCancelledException;
import dev.bricks.events.EventPublisher;
import dev.bricks.events.PreparedEvent;
import dev.bricks.local.dynamodb.LocalDynamoDbExtension;
import dev.bricks.local.eventbridge.DeliveredEvent;
import dev.bricks.local.eventbridge.EntryFault;
import dev.bricks.local.eventbridge.LocalEventBridge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** Outbox writes in real transactions on the local engine, relayed from its real stream to the local bus. */
class OutboxRelayTest {

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = LocalDynamoDbExtension.perClass();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACE = "Root=1-6745a1b2-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1";

    private final List<DeliveredEvent> delivered = new CopyOnWriteArrayList<>();
    private LocalEventBridge bus;
    private EventBridgeClient busClient;
    private DynamoTable table;
    private Outbox outbox;

    @BeforeEach
    void start() {
        bus = LocalEventBridge.builder().deliveryThreads(1).build().start();
        bus.addRule("orders", "{\"source\":[\"orders.app\"]}", delivered::add);
        busClient = EventBridgeClient.builder()
                .endpointOverride(bus.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "s")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        TableDefinition definition = TableDefinition.builder("Outbox" + System.nanoTime()).ttlAttribute("ttl").stream(
                        StreamViewType.NEW_AND_OLD_IMAGES)
                .build();
        DYNAMO.client().createTable(definition.toCreateTableRequest());
        table = DynamoTable.builder(DYNAMO.client(), definition).build();
        outbox = Outbox.builder(table).build();
    }

    @AfterEach
    void stop() {
        Correlation.clear();
        System.clearProperty(TraceHeader.SYSTEM_PROPERTY);
        busClient.close();
        bus.close();
    }

    /** A relay whose publisher does not retry: every rejected entry is reported to the stream. */
    private OutboxRelay relayWithoutRetries() {
        return new OutboxRelay(EventPublisher.builder()
                .client(busClient)
                .retryPolicy(RetryPolicy.none())
                .build());
    }

    private StreamDriver stream() {
        return new StreamDriver(DYNAMO.client(), DYNAMO.streamsClient(), table.name());
    }

    @Test
    void publish_transactionCancelled_nothingPublished() throws Exception {
        Order order = new Order("o-1", "u-1", 2);
        table.transact().create(order).execute();
        TransactionBuilder tx = table.transact().create(order);
        outbox.publish(tx, "ORDER#o-1", new OrderPlaced("o-1", "u-1", 1));

        assertThatThrownBy(tx::execute).isInstanceOf(TransactionCancelledException.class);

        StreamDriver stream = stream();
        assertThat(stream.records()).hasSize(1); // the first order only
        stream.drain(relayWithoutRetries(), 100, 10);
        assertThat(bus.putEventsCalls()).isZero();
        assertThat(DYNAMO.client().scan(b -> b.tableName(table.name())).items())
                .noneMatch(item -> item.get("PK").s().startsWith(Outbox.KEY_PREFIX));
    }

    @Test
    void relay_batchRedeliveredThreeTimesWithRejectedEntries_oneEventPerIdAfterDedupe() throws Exception {
        TransactionBuilder tx = table.transact().create(new Order("o-2", "u-1", 3));
        List<PreparedEvent> written = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            written.add(outbox.publish(tx, "ORDER#o-2", new OrderPlaced("o-2", "u-1", i)));
        }
        tx.execute();
        StreamDriver stream = stream();
        List<Record> batch = stream.records();
        assertThat(batch).hasSize(4); // the order, then three outbox items

        OutboxRelay relay = relayWithoutRetries();
        bus.failNextEntries(1, EntryFault.INTERNAL_FAILURE);
        List<String> firstFailures = stream.invoke(relay, batch);
        assertThat(firstFailures).containsExactly(batch.get(1).dynamodb().sequenceNumber());
        // Lambda redelivers the batch 3 times (say the function timed out after publishing): clean, rejected, clean
        assertThat(stream.invoke(relay, batch)).isEmpty();
        bus.failNextEntries(1, EntryFault.THROTTLING);
        assertThat(stream.invoke(relay, batch))
                .containsExactly(batch.get(1).dynamodb().sequenceNumber());
        assertThat(stream.invoke(relay, batch)).isEmpty();
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(10))).isTrue();

        Map<String, List<String>> detailsById = new LinkedHashMap<>();
        for (DeliveredEvent d : delivered) {
            JsonNode detail = JSON.readTree(d.envelopeJson()).get("detail");
            detailsById
                    .computeIfAbsent(detail.get(EventPublisher.EVENT_ID_FIELD).asText(), k -> new ArrayList<>())
                    .add(detail.toString());
        }
        assertThat(detailsById.keySet())
                .containsExactlyElementsOf(
                        written.stream().map(PreparedEvent::eventId).toList());
        for (PreparedEvent e : written) {
            assertThat(detailsById.get(e.eventId()))
                    .allSatisfy(json -> assertThat(JSON.readTree(json)).isEqualTo(JSON.readTree(e.detail())));
        }
        assertThat(delivered).hasSize(6); // two clean deliveries of the batch: duplicates, deduplicated by id
    }

    @Test
    void relay_1000EventsOfTenAggregatesWithRandomRejections_allPublishedInOrderPerAggregate() throws Exception {
        Map<String, List<String>> writtenIds = new LinkedHashMap<>();
        for (int t = 0; t < 100; t++) {
            TransactionBuilder tx = table.transact();
            for (int a = 0; a < 10; a++) {
                PreparedEvent e = outbox.publish(tx, "AGG#" + a, new OrderPlaced("o-" + a, "u-" + a, t));
                writtenIds.computeIfAbsent("AGG#" + a, k -> new ArrayList<>()).add(e.eventId());
            }
            tx.execute();
        }
        StreamDriver stream = stream();
        assertThat(stream.records()).hasSize(1000);
        Random random = new Random(15);
        OutboxRelay relay = relayWithoutRetries();
        RequestStreamHandler faulty = (in, out, ctx) -> {
            if (random.nextInt(3) == 0) {
                bus.failNextEntries(1 + random.nextInt(3), EntryFault.INTERNAL_FAILURE);
            }
            relay.handleRequest(in, out, ctx);
        };

        stream.drain(faulty, 100, 500);
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(30))).isTrue();

        Map<String, List<String>> firstSeen = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (DeliveredEvent d : delivered) {
            JsonNode detail = JSON.readTree(d.envelopeJson()).get("detail");
            String id = detail.get(EventPublisher.EVENT_ID_FIELD).asText();
            if (seen.add(id)) {
                firstSeen
                        .computeIfAbsent("AGG#" + detail.get("orderId").asText().substring(2), k -> new ArrayList<>())
                        .add(id);
            }
        }
        assertThat(seen).hasSize(1000);
        assertThat(firstSeen).isEqualTo(writtenIds);
        assertThat(stream.redeliveredRecords).isPositive();
    }

    @Test
    void relay_eventWrittenUnderCorrelationAndTrace_arrivesWithThemAsADirectPublishWould() throws Exception {
        Correlation.set("corr-writer-1");
        System.setProperty(TraceHeader.SYSTEM_PROPERTY, TRACE);
        TransactionBuilder tx = table.transact().create(new Order("o-3", "u-3", 1));
        PreparedEvent written = outbox.publish(tx, "ORDER#o-3", new OrderPlaced("o-3", "u-3", 1));
        tx.execute();
        Correlation.clear();
        System.clearProperty(TraceHeader.SYSTEM_PROPERTY);

        stream()
                .drain(
                        new OutboxRelay(
                                EventPublisher.builder().client(busClient).build()),
                        100,
                        1);
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(10))).isTrue();

        assertThat(delivered).singleElement().satisfies(d -> {
            assertThat(d.traceHeader()).contains(TRACE);
            JsonNode envelope = JSON.readTree(d.envelopeJson());
            assertThat(envelope.get("source").asText()).isEqualTo("orders.app");
            assertThat(envelope.get("detail-type").asText()).isEqualTo("OrderPlaced");
            assertThat(envelope.get("detail").toString())
                    .isEqualTo("{\"_correlation_id\":\"corr-writer-1\"," + "\"_event_id\":\"" + written.eventId()
                            + "\",\"orderId\":\"o-3\",\"userId\":\"u-3\",\"sequence\":1}");
        });
    }

    @Test
    void builder_tableWithoutTtlAttribute_failsNamingIt() {
        TableDefinition noTtl = TableDefinition.builder("NoTtl").build();
        DynamoTable other = DynamoTable.builder(DYNAMO.client(), noTtl).build();

        assertThatThrownBy(() -> Outbox.builder(other).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("table NoTtl has no TTL attribute");
    }
}
