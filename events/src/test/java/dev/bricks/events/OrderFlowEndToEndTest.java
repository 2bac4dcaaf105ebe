package dev.bricks.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.Correlation;
import dev.bricks.core.TraceHeader;
import dev.bricks.core.eventbridge.EventBridgeEvent;
import dev.bricks.core.eventbridge.EventBridgeHandler;
import dev.bricks.core.invoke.LocalContext;
import dev.bricks.local.eventbridge.DeadLetter;
import dev.bricks.local.eventbridge.DeliveredEvent;
import dev.bricks.local.eventbridge.DeliveryPolicy;
import dev.bricks.local.eventbridge.EventTarget;
import dev.bricks.local.eventbridge.LocalEventBridge;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's flow on one machine: placeOrder publishes OrderPlaced, a rule on source and detail-type routes it
 * through the local bus to updateInventory, a core {@link EventBridgeHandler} typed to {@link OrderPlaced}.
 */
class OrderFlowEndToEndTest extends LocalBusTest {

    /** The consumer: records what it saw, with the correlation id core set for the invocation. */
    static final class UpdateInventory extends EventBridgeHandler<OrderPlaced> {
        final List<EventBridgeEvent<OrderPlaced>> seen = new CopyOnWriteArrayList<>();
        final List<String> correlationIds = new CopyOnWriteArrayList<>();

        @Override
        protected void handle(EventBridgeEvent<OrderPlaced> event, Context context) {
            seen.add(event);
            correlationIds.add(Correlation.current().orElse("none"));
        }
    }

    /** How the local runtime will run a Lambda target: the envelope as the invocation's input bytes. */
    static EventTarget lambda(EventBridgeHandler<?> handler, List<String> traceHeaders) {
        return (DeliveredEvent delivery) -> {
            delivery.traceHeader().ifPresent(traceHeaders::add);
            handler.handleRequest(
                    new ByteArrayInputStream(delivery.envelopeJson().getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream(),
                    LocalContext.of("updateInventory"));
        };
    }

    private final UpdateInventory updateInventory = new UpdateInventory();
    private final List<String> traceHeaders = new CopyOnWriteArrayList<>();

    @Override
    LocalEventBridge.Builder busOptions() {
        return LocalEventBridge.builder()
                .account("123456789012")
                .region("eu-west-1")
                .deliveryPolicy(DeliveryPolicy.LOCAL_DEFAULT.withMaxAttempts(2));
    }

    @BeforeEach
    void routeOrdersToInventory() {
        bus.addRule(
                "orders-to-inventory",
                "{\"source\":[\"orders.app\"],\"detail-type\":[\"OrderPlaced\"]}",
                lambda(updateInventory, traceHeaders));
    }

    @Test
    void orderPlaced_publishedThroughBus_deliveredTypedWithProducersCorrelationAndTrace() throws Exception {
        EventPublisher placeOrder = EventPublisher.builder().client(client).build();
        Correlation.set("order-req-7");
        System.setProperty(TraceHeader.SYSTEM_PROPERTY, "Root=1-6745a1b2-aaaaaaaaaaaaaaaaaaaaaaaa;Sampled=1");

        PublishResult<OrderPlaced> result =
                placeOrder.publish(new OrderPlaced("o-7", "u-3", 4)).orThrow();
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();

        assertThat(updateInventory.seen).singleElement().satisfies(event -> {
            assertThat(event.detail()).isEqualTo(new OrderPlaced("o-7", "u-3", 4));
            assertThat(event.id()).isEqualTo(result.published().get(0).eventId());
            assertThat(event.source()).isEqualTo("orders.app");
            assertThat(event.detailType()).isEqualTo("OrderPlaced");
            assertThat(event.account()).isEqualTo("123456789012");
            assertThat(event.region()).isEqualTo("eu-west-1");
        });
        assertThat(updateInventory.correlationIds).containsExactly("order-req-7");
        assertThat(traceHeaders).containsExactly("Root=1-6745a1b2-aaaaaaaaaaaaaaaaaaaaaaaa;Sampled=1");
        assertThat(bus.deadLetters()).isEmpty();
    }

    @Test
    void orderPlaced_otherSourceOrType_notDelivered() throws Exception {
        EventPublisher publisher = EventPublisher.builder().client(client).build();
        publisher
                .publish("shop.app", "OrderPlaced", new OrderPlaced("o-1", "u", 1))
                .orThrow();
        publisher
                .publish("orders.app", "OrderShipped", new OrderPlaced("o-2", "u", 1))
                .orThrow();
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();

        assertThat(updateInventory.seen).isEmpty();
    }

    @Test
    void orderPlaced_detailNotMatchingRecord_invocationFailsRetriedThenDeadLettered() throws Exception {
        EventPublisher publisher = EventPublisher.builder().client(client).build();
        publisher
                .publish("orders.app", "OrderPlaced", Map.of("orderId", "o-1", "itemCount", "many"))
                .orThrow();
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();

        assertThat(updateInventory.seen).isEmpty();
        assertThat(bus.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo(DeadLetter.Reason.MAX_ATTEMPTS_REACHED);
            assertThat(d.attempts()).isEqualTo(2);
            assertThat(d.lastError())
                    .startsWith("dev.bricks.core.InvalidEventException")
                    .contains("itemCount")
                    .doesNotContain("NullPointerException");
        });
    }
}
