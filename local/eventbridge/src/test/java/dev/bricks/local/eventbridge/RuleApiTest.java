package dev.bricks.local.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** Rules made at run time through the SDK: PutRule, PutTargets, List*, Describe, RemoveTargets, DeleteRule. */
class RuleApiTest extends LocalBusTest {

    private static final String PATTERN = "{\"source\":[\"orders.app\"]}";
    private static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:updateInventory";

    @Test
    void ruleLifecycle_putTargetsPublishRemoveDelete_behavesAsAws() throws Exception {
        Sdk.Recorder target = new Sdk.Recorder();
        bus.registerTarget(ARN, target);

        String ruleArn = client.putRule(r ->
                        r.name("orders-to-inventory").eventPattern(PATTERN).description("inventory follows orders"))
                .ruleArn();
        assertThat(ruleArn).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/orders-to-inventory");
        PutTargetsResponse put = client.putTargets(r -> r.rule("orders-to-inventory")
                .targets(Target.builder().id("inventory").arn(ARN).build()));
        assertThat(put.failedEntryCount()).isZero();

        DescribeRuleResponse described = client.describeRule(r -> r.name("orders-to-inventory"));
        assertThat(described.eventPattern()).isEqualTo(PATTERN);
        assertThat(described.state()).isEqualTo(RuleState.ENABLED);
        assertThat(described.description()).isEqualTo("inventory follows orders");
        assertThat(client.listRules(r -> r.namePrefix("orders")).rules())
                .extracting(rule -> rule.name())
                .containsExactly("orders-to-inventory");
        assertThat(client.listTargetsByRule(r -> r.rule("orders-to-inventory")).targets())
                .extracting(Target::id, Target::arn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("inventory", ARN));

        client.putEvents(r -> r.entries(Sdk.entry("orders.app", "OrderPlaced", "{\"id\":1}")));
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();
        assertThat(target.deliveries)
                .singleElement()
                .satisfies(d -> assertThat(d.targetId()).isEqualTo("inventory"));

        assertThatThrownBy(() -> client.deleteRule(r -> r.name("orders-to-inventory")))
                .isInstanceOfSatisfying(
                        EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThat(client.removeTargets(r -> r.rule("orders-to-inventory").ids("inventory", "nope"))
                        .failedEntries())
                .singleElement()
                .satisfies(f -> assertThat(f.targetId()).isEqualTo("nope"));
        client.deleteRule(r -> r.name("orders-to-inventory"));
        assertThat(client.listRules(r -> r.namePrefix("orders")).rules()).isEmpty();

        client.putEvents(r -> r.entries(Sdk.entry("orders.app", "OrderPlaced", "{\"id\":2}")));
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();
        assertThat(target.deliveries).hasSize(1);
    }

    @Test
    void putRule_invalidPattern_invalidEventPatternException() {
        assertThatThrownBy(() -> client.putRule(r -> r.name("bad").eventPattern("{\"source\":[{\"prefix\":1}]}")))
                .isInstanceOf(InvalidEventPatternException.class)
                .hasMessageContaining("Event pattern is not valid");
        assertThatThrownBy(() -> client.putRule(r -> r.name("bad").eventPattern("{not json")))
                .isInstanceOf(InvalidEventPatternException.class);
        assertThat(client.listRules(r -> r.namePrefix("bad")).rules()).isEmpty();
    }

    @Test
    void putRule_badNameOrNoPattern_validationException() {
        assertThatThrownBy(() -> client.putRule(r -> r.name("has space").eventPattern(PATTERN)))
                .isInstanceOfSatisfying(
                        EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> client.putRule(r -> r.name("nopattern")))
                .isInstanceOfSatisfying(
                        EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("EventPattern"));
    }

    @Test
    void putTargets_unknownRule_resourceNotFound() {
        assertThatThrownBy(() -> client.putTargets(r -> r.rule("ghost")
                        .targets(Target.builder().id("t").arn(ARN).build())))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Rule ghost does not exist on EventBus default");
    }

    @Test
    void putRule_disabledThenEnabled_matchesOnlyWhenEnabled() throws Exception {
        Sdk.Recorder target = new Sdk.Recorder();
        bus.registerTarget(ARN, target);
        client.putRule(r -> r.name("r").eventPattern(PATTERN).state(RuleState.DISABLED));
        client.putTargets(
                r -> r.rule("r").targets(Target.builder().id("t").arn(ARN).build()));
        client.putEvents(r -> r.entries(Sdk.entry("orders.app", "T", "{}")));
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();
        assertThat(target.deliveries).isEmpty();

        client.putRule(r -> r.name("r").eventPattern(PATTERN).state(RuleState.ENABLED));
        client.putEvents(r -> r.entries(Sdk.entry("orders.app", "T", "{}")));
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();
        assertThat(target.deliveries).hasSize(1);
    }

    @Test
    void putTargets_arnWithoutCallback_eventDeadLettered() throws Exception {
        client.putRule(r -> r.name("r").eventPattern(PATTERN));
        client.putTargets(r -> r.rule("r")
                .targets(Target.builder()
                        .id("t")
                        .arn("arn:aws:sqs:us-east-1:0:q")
                        .build()));
        client.putEvents(r -> r.entries(Sdk.entry("orders.app", "T", "{}")));
        assertThat(bus.awaitDeliveries(Duration.ofSeconds(5))).isTrue();

        assertThat(bus.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo(DeadLetter.Reason.NO_SUCH_TARGET);
            assertThat(d.lastError()).contains("arn:aws:sqs:us-east-1:0:q");
        });
    }

    @Test
    void addRule_invalidPattern_illegalArgumentNamingRule() {
        assertThatThrownBy(() -> bus.addRule("x", "{\"detail\":[{\"numeric\":[\"<\"]}]", new Sdk.Recorder()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("rule x on bus default: Event pattern is not valid");
    }

    @Test
    void putTargets_arnWithoutCallbackButFallback_deliveredToFallback() throws Exception {
        Sdk.Recorder fallback = new Sdk.Recorder();
        try (LocalEventBridge withFallback = LocalEventBridge.builder()
                        .fallbackTarget(fallback)
                        .build()
                        .start();
                EventBridgeClient sdk = Sdk.client(withFallback)) {
            sdk.putRule(r -> r.name("r").eventPattern(PATTERN));
            sdk.putTargets(r -> r.rule("r")
                    .targets(Target.builder()
                            .id("t")
                            .arn("arn:aws:sqs:us-east-1:0:q")
                            .build()));
            sdk.putEvents(r -> r.entries(Sdk.entry("orders.app", "T", "{}")));
            assertThat(withFallback.awaitDeliveries(Duration.ofSeconds(5))).isTrue();

            assertThat(fallback.deliveries)
                    .singleElement()
                    .satisfies(d -> assertThat(d.targetId()).isEqualTo("t"));
            assertThat(withFallback.deadLetters()).isEmpty();
        }
    }
}
