package dev.bricks.local.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** Retries to a failing target, then the dead-letter list. */
class DeliveryRetryTest {

    private static final String PATTERN = "{\"source\":[\"orders.app\"]}";

    private LocalEventBridge bus;
    private EventBridgeClient client;

    private void start(DeliveryPolicy policy) {
        bus = LocalEventBridge.builder().deliveryPolicy(policy).build().start();
        client = Sdk.client(bus);
    }

    @AfterEach
    void stop() {
        if (bus != null) {
            client.close();
            bus.close();
        }
    }

    @Test
    void delivery_targetFailsTwice_retriedUntilSuccess() throws Exception {
        start(DeliveryPolicy.LOCAL_DEFAULT);
        Sdk.Recorder target = new Sdk.Recorder(2);
        bus.addRule("r", PATTERN, target);

        client.putEvents(r -> r.entries(Sdk.entry("orders.app", "OrderPlaced", "{}")));
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();

        assertThat(target.deliveries).extracting(DeliveredEvent::attempt).containsExactly(1, 2, 3);
        assertThat(target.envelopes()).containsOnly(target.envelopes().get(0));
        assertThat(bus.deadLetters()).isEmpty();
        assertThat(bus.deliveredCount()).isEqualTo(1);
    }

    @Test
    void delivery_targetAlwaysFails_deadLetteredAfterMaxAttempts() throws Exception {
        start(DeliveryPolicy.LOCAL_DEFAULT.withMaxAttempts(4));
        Sdk.Recorder target = new Sdk.Recorder(Integer.MAX_VALUE);
        bus.addRule("r", PATTERN, target);

        client.putEvents(r -> r.entries(Sdk.entry("orders.app", "OrderPlaced", "{\"id\":7}")));
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();

        assertThat(target.deliveries).hasSize(4);
        assertThat(bus.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo(DeadLetter.Reason.MAX_ATTEMPTS_REACHED);
            assertThat(d.attempts()).isEqualTo(4);
            assertThat(d.ruleName()).isEqualTo("r");
            assertThat(d.envelopeJson()).contains("\"detail\":{\"id\":7}");
            assertThat(d.lastError()).isEqualTo("java.lang.IllegalStateException: target down (call 4)");
        });
    }

    @Test
    void delivery_backoffBeyondMaxAge_deadLetteredForAge() throws Exception {
        start(new DeliveryPolicy(50, Duration.ofMillis(300), Duration.ofMillis(40), Duration.ofMillis(200)));
        Sdk.Recorder target = new Sdk.Recorder(Integer.MAX_VALUE);
        bus.addRule("r", PATTERN, target);

        client.putEvents(r -> r.entries(Sdk.entry("orders.app", "OrderPlaced", "{}")));
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();

        assertThat(bus.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo(DeadLetter.Reason.MAX_EVENT_AGE_EXCEEDED);
            assertThat(d.attempts()).isBetween(2, 10);
        });
        assertThat(target.deliveries.size()).isLessThan(50);
    }

    @Test
    void delivery_retryPolicyFromPutTargets_overridesBusDefault() throws Exception {
        start(DeliveryPolicy.LOCAL_DEFAULT);
        Sdk.Recorder target = new Sdk.Recorder(Integer.MAX_VALUE);
        bus.registerTarget("arn:aws:lambda:us-east-1:000000000000:function:f", target);
        client.putRule(r -> r.name("r").eventPattern(PATTERN));
        client.putTargets(r -> r.rule("r")
                .targets(Target.builder()
                        .id("f")
                        .arn("arn:aws:lambda:us-east-1:000000000000:function:f")
                        .retryPolicy(p -> p.maximumRetryAttempts(0).maximumEventAgeInSeconds(60))
                        .build()));

        client.putEvents(r -> r.entries(Sdk.entry("orders.app", "OrderPlaced", "{}")));
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();

        assertThat(target.deliveries).hasSize(1);
        assertThat(bus.deadLetters())
                .singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo(DeadLetter.Reason.MAX_ATTEMPTS_REACHED));
    }

    @Test
    void backoff_growsExponentiallyWithinJitterAndCap() {
        DeliveryPolicy policy =
                new DeliveryPolicy(10, Duration.ofMinutes(1), Duration.ofMillis(100), Duration.ofMillis(350));
        assertThat(policy.backoffMillis(2, 1.0)).isEqualTo(100);
        assertThat(policy.backoffMillis(3, 1.0)).isEqualTo(200);
        assertThat(policy.backoffMillis(4, 1.0)).isEqualTo(350);
        assertThat(policy.backoffMillis(4, 0.0)).isEqualTo(175);
        assertThat(policy.backoffMillis(60, 1.0)).isEqualTo(350);
    }
}
