package dev.bricks.local.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/** Rules on named buses, and events a bus accepted but no rule matched: counted per bus and warned once. */
class NamedBusTest extends LocalBusTest {

    private static final String ORDERS_PATTERN = "{\"source\":[\"orders.app\"]}";
    private static final Logger JUL = Logger.getLogger(LocalEventBridge.class.getName());

    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureWarnings() {
        JUL.addHandler(capture);
    }

    @AfterEach
    void releaseWarnings() {
        JUL.removeHandler(capture);
    }

    private void putOnBus(String busName, int count) {
        for (int i = 0; i < count; i++) {
            client.putEvents(r -> r.entries(PutEventsRequestEntry.builder()
                    .source("orders.app")
                    .detailType("OrderPlaced")
                    .detail("{\"n\":1}")
                    .eventBusName(busName)
                    .build()));
        }
    }

    @Test
    void putEvents_namedBusWithRule_deliveredToThatRuleOnly() throws Exception {
        Sdk.Recorder onOrders = new Sdk.Recorder();
        Sdk.Recorder onDefault = new Sdk.Recorder();
        String arn = bus.addRule("orders", "to-inventory", ORDERS_PATTERN, onOrders);
        bus.addRule("to-inventory", ORDERS_PATTERN, onDefault);

        putOnBus("orders", 2);
        putOnBus("arn:aws:events:us-east-1:000000000000:event-bus/orders", 1);
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();

        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/orders/to-inventory");
        assertThat(onOrders.deliveries)
                .hasSize(3)
                .allSatisfy(d -> assertThat(d.ruleName()).isEqualTo("to-inventory"));
        assertThat(onDefault.deliveries).isEmpty();
        assertThat(bus.acceptedEntries("orders")).isEqualTo(3);
        assertThat(bus.unmatchedEntries("orders")).isZero();
        assertThat(warnings).isEmpty();
    }

    @Test
    void putEvents_namedBusWithoutRule_countedPerBusAndWarnedOnce() throws Exception {
        Sdk.Recorder onDefault = new Sdk.Recorder();
        bus.addRule("to-inventory", ORDERS_PATTERN, onDefault);

        putOnBus("orders", 3);
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();

        assertThat(onDefault.deliveries).isEmpty();
        assertThat(bus.acceptedEntries("orders")).isEqualTo(3);
        assertThat(bus.unmatchedEntries("orders")).isEqualTo(3);
        assertThat(bus.unmatchedEntries("default")).isZero();
        assertThat(bus.unmatchedEntries("never-used")).isZero();
        assertThat(warnings)
                .singleElement()
                .satisfies(w -> assertThat(MessageFormat.format(w.getMessage(), w.getParameters()))
                        .contains(
                                "bus 'orders' accepted an event (source orders.app, detail-type "
                                        + "OrderPlaced) that matched no rule",
                                "Buses with rules: [default]",
                                "unmatchedEntries(\"orders\")"));
        assertThat(warnings.get(0).getParameters())
                .containsExactly("orders", "orders.app", "OrderPlaced", List.of("default"));
    }

    @Test
    void putEvents_defaultBusRuleNotMatching_countedOnDefault() {
        bus.addRule("to-inventory", "{\"source\":[\"billing.app\"]}", new Sdk.Recorder());

        putOnBus(null, 2);

        assertThat(bus.unmatchedEntries(LocalEventBridge.DEFAULT_BUS)).isEqualTo(2);
        assertThat(warnings).hasSize(1);
    }

    @Test
    void removeRule_namedBus_laterEventsUnmatched() {
        Sdk.Recorder onOrders = new Sdk.Recorder();
        bus.addRule("orders", "to-inventory", ORDERS_PATTERN, onOrders);
        bus.removeRule("orders", "to-inventory");
        bus.removeRule("no-such-bus", "to-inventory");

        putOnBus("orders", 1);

        assertThat(bus.unmatchedEntries("orders")).isEqualTo(1);
    }

    @Test
    void addRule_sameRuleNameOnTwoBuses_eachKeepsItsOwnCallback() throws Exception {
        Sdk.Recorder onOrders = new Sdk.Recorder();
        Sdk.Recorder onBilling = new Sdk.Recorder();
        bus.addRule("orders", "audit", ORDERS_PATTERN, onOrders);
        bus.addRule("billing", "audit", ORDERS_PATTERN, onBilling);

        putOnBus("orders", 1);
        putOnBus("billing", 2);
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();

        assertThat(onOrders.deliveries).hasSize(1);
        assertThat(onBilling.deliveries).hasSize(2);
    }

    @Test
    void addRule_blankBusName_illegalArgumentNamingIt() {
        assertThatThrownBy(() -> bus.addRule(" ", "r", ORDERS_PATTERN, new Sdk.Recorder()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("busName must be a bus name or ARN, was ' '");
    }

    /** PutEvents answers before the target runs: delivery is asynchronous, as on AWS. */
    @Test
    void putEvents_slowTarget_answeredBeforeDelivery() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch delivered = new CountDownLatch(1);
        bus.addRule("orders", "slow", ORDERS_PATTERN, event -> {
            release.await();
            delivered.countDown();
        });

        putOnBus("orders", 1);

        assertThat(delivered.getCount()).as("the target is still blocked").isEqualTo(1);
        assertThat(bus.awaitDeliveries(Duration.ofMillis(50))).isFalse();
        release.countDown();
        assertThat(delivered.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();
        assertThat(bus.deliveredCount()).isEqualTo(1);
    }

    @Test
    void addPutEventsListener_matchedAndUnmatched_toldEachEntryWithRulesTargetsAndCaller() {
        Sdk.Recorder onOrders = new Sdk.Recorder();
        bus.addRule("orders", "to-inventory", ORDERS_PATTERN, onOrders);
        List<AcceptedEvent> accepted = new CopyOnWriteArrayList<>();
        bus.addPutEventsListener(accepted::add);

        putOnBus("orders", 1);
        client.putEvents(r -> r.entries(Sdk.entry("billing.app", "Paid", "{\"n\":2}").toBuilder()
                .eventBusName("orders")
                .build()));

        assertThat(accepted).hasSize(2);
        AcceptedEvent matched = accepted.get(0);
        assertThat(matched.busName()).isEqualTo("orders");
        assertThat(matched.matchedRules()).containsExactly("to-inventory");
        assertThat(matched.targetArns()).hasSize(1);
        assertThat(matched.callerAccessKeyId()).isEqualTo("AKIDLOCAL");
        assertThat(matched.envelope()).contains("\"id\":\"" + matched.eventId() + "\"", "\"source\":\"orders.app\"");
        AcceptedEvent unmatched = accepted.get(1);
        assertThat(unmatched.source()).isEqualTo("billing.app");
        assertThat(unmatched.matchedRules()).isEmpty();
        assertThat(unmatched.targetArns()).isEmpty();
    }
}
