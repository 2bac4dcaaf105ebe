package dev.bricks.core.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.Correlation;
import dev.bricks.core.Fixtures;
import dev.bricks.core.InvalidEventException;
import dev.bricks.core.RecordingListener;
import dev.bricks.core.StderrCapture;
import dev.bricks.core.spi.InvocationInfo;
import dev.bricks.core.validation.Min;
import dev.bricks.core.validation.NotBlank;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventBridgeHandlerTest {

    record OrderPlaced(
            @NotBlank String orderId,
            @NotBlank String userId,
            @Min(1) int itemCount) {}

    static final class Inventory extends EventBridgeHandler<OrderPlaced> {
        final List<EventBridgeEvent<OrderPlaced>> seen = new ArrayList<>();
        final List<String> correlations = new ArrayList<>();
        final List<Boolean> coldStarts = new ArrayList<>();
        int setups;

        @Override
        protected void setup() {
            setups++;
        }

        @Override
        protected void handle(EventBridgeEvent<OrderPlaced> event, Context context) {
            seen.add(event);
            correlations.add(Correlation.current().orElseThrow());
            coldStarts.add(coldStart());
        }
    }

    @BeforeEach
    void reset() {
        RecordingListener.CALLS.clear();
    }

    @Test
    void handleRequest_documentedFixture_bindsEveryEnvelopeMemberAndTypedDetail() {
        Inventory handler = new Inventory();

        Fixtures.run(handler, Fixtures.event("eventbridge-order-placed.json"));

        EventBridgeEvent<OrderPlaced> event = handler.seen.get(0);
        assertThat(event.version()).isEqualTo("0");
        assertThat(event.id()).isEqualTo("6a7e8feb-b491-4cf7-a9f1-bf3703467718");
        assertThat(event.detailType()).isEqualTo("OrderPlaced");
        assertThat(event.source()).isEqualTo("orders.app");
        assertThat(event.account()).isEqualTo("111122223333");
        assertThat(event.time()).isEqualTo(Instant.parse("2017-12-22T18:43:48Z"));
        assertThat(event.region()).isEqualTo("us-west-1");
        assertThat(event.resources()).containsExactly("arn:aws:dynamodb:us-west-1:111122223333:table/Orders");
        assertThat(event.detail()).isEqualTo(new OrderPlaced("ord_1700000000000_abc123def", "user-42", 2));
        assertThat(event.isReplay()).isFalse();
    }

    @Test
    void handleRequest_detailCarriesCorrelationId_setsItDuringAndClearsAfter() {
        Inventory handler = new Inventory();

        Fixtures.run(handler, Fixtures.event("eventbridge-order-placed.json"));

        assertThat(handler.correlations).containsExactly("corr-7f3a");
        assertThat(Correlation.current()).isEmpty();
    }

    @Test
    void handleRequest_noCorrelationInDetail_usesEventId() {
        Inventory handler = new Inventory();
        String event = new String(Fixtures.event("eventbridge-order-placed.json"))
                .replace("\"_correlation_id\": \"corr-7f3a\"", "\"other\": 1");

        Fixtures.run(handler, event);

        assertThat(handler.correlations).containsExactly("6a7e8feb-b491-4cf7-a9f1-bf3703467718");
    }

    @Test
    void handleRequest_twoInvocations_setupOnceAndOnlyFirstIsCold() {
        Inventory handler = new Inventory();

        Fixtures.run(handler, Fixtures.event("eventbridge-order-placed.json"));
        Fixtures.run(handler, Fixtures.event("eventbridge-order-placed.json"));

        assertThat(handler.setups).isEqualTo(1);
        assertThat(handler.coldStarts).containsExactly(true, false);
    }

    @Test
    void handleRequest_listenersSeeInvocationAroundHandler() {
        Inventory handler = new Inventory();

        Fixtures.run(handler, Fixtures.event("eventbridge-order-placed.json"));

        assertThat(RecordingListener.CALLS)
                .extracting(RecordingListener.Call::phase)
                .containsExactly("before", "after");
        RecordingListener.Call before = RecordingListener.CALLS.get(0);
        assertThat(before.correlationSeen()).isEqualTo("corr-7f3a");
        assertThat(before.info().trigger()).isEqualTo(InvocationInfo.Trigger.EVENTBRIDGE);
        assertThat(before.info().requestId()).isEqualTo("req-1");
        assertThat(before.info().coldStart()).isTrue();
        assertThat(before.info().correlationId()).isEqualTo("corr-7f3a");
        assertThat(before.info().event()).isInstanceOf(EventBridgeEvent.class);
        assertThat(before.info().rawEvent()).isEqualTo(Fixtures.event("eventbridge-order-placed.json"));
        assertThat(RecordingListener.CALLS.get(1).failure()).isNull();
    }

    @Test
    void handleRequest_handlerThrows_listenerSeesFailureAndInvocationFails() {
        EventBridgeHandler<OrderPlaced> handler = new EventBridgeHandler<>(OrderPlaced.class) {
            @Override
            protected void handle(EventBridgeEvent<OrderPlaced> event, Context context) {
                throw new IllegalStateException("inventory down");
            }
        };

        assertThatThrownBy(() -> Fixtures.run(handler, Fixtures.event("eventbridge-order-placed.json")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("inventory down");
        assertThat(RecordingListener.CALLS.get(1).failure()).hasMessage("inventory down");
        assertThat(Correlation.current()).isEmpty();
    }

    @Test
    void handleRequest_detailOfWrongType_failsWithTypedExceptionNamingField() {
        Inventory handler = new Inventory();
        String event = new String(Fixtures.event("eventbridge-order-placed.json"))
                .replace("\"itemCount\": 2", "\"itemCount\": \"two\"");

        assertThatThrownBy(() -> Fixtures.run(handler, event))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("6a7e8feb-b491-4cf7-a9f1-bf3703467718")
                .hasMessageContaining("OrderPlaced")
                .hasMessageContaining("itemCount");
        assertThat(handler.seen).isEmpty();
        assertThat(RecordingListener.CALLS.get(1).failure()).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void handleRequest_detailFailsValidation_failsListingEveryField() {
        Inventory handler = new Inventory();
        String event = new String(Fixtures.event("eventbridge-order-placed.json"))
                .replace("\"itemCount\": 2", "\"itemCount\": 0")
                .replace("\"user-42\"", "\" \"");

        assertThatThrownBy(() -> Fixtures.run(handler, event))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("userId must not be blank")
                .hasMessageContaining("itemCount must be greater than or equal to 1");
    }

    @Test
    void handleRequest_detailMissingOrNotObject_failsNamingDetail() {
        Inventory handler = new Inventory();
        String event = "{\"id\":\"e-1\",\"detail-type\":\"OrderPlaced\",\"source\":\"orders.app\","
                + "\"time\":\"2017-12-22T18:43:48Z\",\"detail\":\"{}\"}";

        assertThatThrownBy(() -> Fixtures.run(handler, event))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("e-1")
                .hasMessageContaining("'detail' must be a JSON object");
    }

    @Test
    void handleRequest_notJson_failsWithTypedException() {
        assertThatThrownBy(() -> Fixtures.run(new Inventory(), "{not json"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void handleRequest_mapDetailAndReplay_givesPlainValues() {
        EventBridgeHandler<Map> handler = new EventBridgeHandler<>(Map.class) {
            @Override
            protected void handle(EventBridgeEvent<Map> event, Context context) {
                assertThat(event.detail()).containsEntry("itemCount", 2);
                assertThat(event.replayName()).isEqualTo("replay-1");
                assertThat(event.isReplay()).isTrue();
                throw new IllegalStateException("checked");
            }
        };
        String event = new String(Fixtures.event("eventbridge-order-placed.json"))
                .replace("\"version\": \"0\",", "\"version\": \"0\", \"replay-name\": \"replay-1\",");

        assertThatThrownBy(() -> Fixtures.run(handler, event)).hasMessage("checked");
    }

    @Test
    void constructor_genericSubclassWithoutType_failsNamingClass() {
        class Unresolved<X> extends EventBridgeHandler<X> {
            @Override
            protected void handle(EventBridgeEvent<X> event, Context context) {}
        }

        assertThatThrownBy(Unresolved::new)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Unresolved")
                .hasMessageContaining("type argument");
    }

    @EventType(source = "orders.app", detailType = "OrderPlaced")
    record TypedOrderPlaced(@NotBlank String orderId, Instant placedAt, Duration holdFor) {}

    static final class TypedConsumer extends EventBridgeHandler<TypedOrderPlaced> {
        final List<TypedOrderPlaced> seen = new ArrayList<>();

        @Override
        protected void handle(EventBridgeEvent<TypedOrderPlaced> event, Context context) {
            seen.add(event.detail());
        }
    }

    @EventType(
            source = "billing.app",
            detailType = {"InvoiceIssued", "InvoicePaid"})
    static final class BillingConsumer extends EventBridgeHandler<Map> {
        int handled;

        BillingConsumer() {
            super(Map.class);
        }

        @Override
        protected void handle(EventBridgeEvent<Map> event, Context context) {
            handled++;
        }
    }

    private static String typedEvent(String source, String detailType) {
        return "{\"version\":\"0\",\"id\":\"e-9\",\"detail-type\":\"" + detailType + "\",\"source\":\"" + source
                + "\",\"time\":\"2024-05-01T12:00:00Z\",\"detail\":{\"orderId\":\"o-1\","
                + "\"placedAt\":\"2024-05-01T11:59:00Z\",\"holdFor\":\"PT15M\"}}";
    }

    @Test
    void handleRequest_declaredTypeAndIsoTimes_bindsTimeValues() {
        TypedConsumer handler = new TypedConsumer();

        Fixtures.run(handler, typedEvent("orders.app", "OrderPlaced"));

        assertThat(handler.seen)
                .containsExactly(
                        new TypedOrderPlaced("o-1", Instant.parse("2024-05-01T11:59:00Z"), Duration.ofMinutes(15)));
    }

    @Test
    void handleRequest_misroutedEvent_rejectedTypedAndLoggedBeforeBinding() {
        TypedConsumer handler = new TypedConsumer();

        try (StderrCapture err = new StderrCapture()) {
            assertThatThrownBy(() -> Fixtures.run(handler, typedEvent("billing.app", "InvoiceIssued")))
                    .isInstanceOfSatisfying(UnexpectedEventTypeException.class, e -> {
                        assertThat(e.eventId()).isEqualTo("e-9");
                        assertThat(e.source()).isEqualTo("billing.app");
                        assertThat(e.detailType()).isEqualTo("InvoiceIssued");
                        assertThat(e.expectedSource()).isEqualTo("orders.app");
                        assertThat(e.expectedDetailTypes()).containsExactly("OrderPlaced");
                        assertThat(e.getMessage())
                                .startsWith("Unexpected event type: event e-9 has source "
                                        + "'billing.app' and detail-type 'InvoiceIssued'");
                    });
            assertThat(err.count("Unexpected event type: event e-9")).isEqualTo(1);
        }
        assertThat(handler.seen).isEmpty();
        assertThat(RecordingListener.CALLS.get(1).failure()).isInstanceOf(UnexpectedEventTypeException.class);
    }

    @Test
    void handleRequest_rightSourceWrongDetailType_rejected() {
        assertThatThrownBy(() -> Fixtures.run(new TypedConsumer(), typedEvent("orders.app", "OrderCancelled")))
                .isInstanceOf(UnexpectedEventTypeException.class);
    }

    @Test
    void handleRequest_typeOnHandlerClass_acceptsEachDeclaredDetailType() {
        BillingConsumer handler = new BillingConsumer();

        Fixtures.run(handler, typedEvent("billing.app", "InvoiceIssued"));
        Fixtures.run(handler, typedEvent("billing.app", "InvoicePaid"));

        assertThat(handler.handled).isEqualTo(2);
        assertThatThrownBy(() -> Fixtures.run(handler, typedEvent("orders.app", "OrderPlaced")))
                .isInstanceOf(UnexpectedEventTypeException.class);
    }

    @Test
    void handleRequest_detailWithSeveralWrongMembers_namesEveryOne() {
        String event =
                typedEvent("orders.app", "OrderPlaced").replace("\"o-1\"", "7").replace("\"PT15M\"", "900");

        assertThatThrownBy(() -> Fixtures.run(new TypedConsumer(), event))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("orderId must be a string")
                .hasMessageContaining("holdFor must be an ISO-8601 duration such as PT15M");
    }
}
