package dev.bricks.local.targets;

import dev.bricks.local.eventbridge.LocalEventBridge;
import dev.bricks.local.functions.AsyncInvoker;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * Rules on the local EventBridge bus whose target is a Lambda function. EventBridge invokes Lambda targets
 * asynchronously: each matching event is queued on an {@link AsyncInvoker} (so the bus' delivery succeeds at once,
 * and function errors are retried twice with backoff, then dead-lettered, as Lambda does), with the event, or its
 * {@link TargetInput} transformation, as the payload.
 *
 * <p>Thread-safe. {@link #close()} removes the rules it added.
 *
 * <pre>{@code
 * try (EventBridgeLambdaTargets targets = new EventBridgeLambdaTargets(bus, asyncInvoker)) {
 *     targets.addRule(new LambdaRuleConfig("default", "order-placed",
 *             "{\"detail-type\":[\"OrderPlaced\"]}", "ShipOrderFunction", TargetInput.wholeEvent()));
 * }
 * }</pre>
 */
public final class EventBridgeLambdaTargets implements AutoCloseable {

    private final RuleRegistrar registrar;
    private final AsyncInvoker async;
    private final IntSupplier deliveries;
    private final List<LambdaRuleConfig> rules = new ArrayList<>();

    /**
     * Delivers each matching event once.
     *
     * @param bus the running local bus; not null
     * @param async the asynchronous invoker events are queued on; not null
     */
    public EventBridgeLambdaTargets(LocalEventBridge bus, AsyncInvoker async) {
        this(bus, async, () -> 1);
    }

    /**
     * Delivers each matching event as many times as {@code deliveries} says (fault injection: EventBridge's
     * at-least-once delivery), each copy its own asynchronous invocation.
     *
     * @param deliveries asked once per matching event, answers at least 1; not null, thread-safe
     */
    public EventBridgeLambdaTargets(LocalEventBridge bus, AsyncInvoker async, IntSupplier deliveries) {
        this.registrar = new RuleRegistrar(Objects.requireNonNull(bus, "bus"));
        this.async = Objects.requireNonNull(async, "async");
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
    }

    /**
     * Creates (or replaces) the rule with its Lambda target.
     *
     * @return the rule's ARN
     * @throws IllegalArgumentException when the rule name or pattern is not valid, or the bus is not supported,
     *     naming the rule
     */
    public String addRule(LambdaRuleConfig rule) {
        Objects.requireNonNull(rule, "rule");
        AtomicReference<String> arn = new AtomicReference<>("");
        arn.set(registrar.addRule(rule.busName(), rule.ruleName(), rule.patternJson(), event -> {
            byte[] payload = InputTransformation.apply(rule.input(), event.envelopeJson(), rule.ruleName(), arn.get());
            for (int i = Math.max(1, deliveries.getAsInt()); i > 0; i--) {
                async.invoke(rule.functionId(), payload);
            }
        }));
        synchronized (rules) {
            rules.removeIf(
                    r -> r.ruleName().equals(rule.ruleName()) && r.busName().equals(rule.busName()));
            rules.add(rule);
        }
        return arn.get();
    }

    /** The rules added, in order. */
    public List<LambdaRuleConfig> rules() {
        synchronized (rules) {
            return List.copyOf(rules);
        }
    }

    /** Removes the rules this instance added. Idempotent. */
    @Override
    public void close() {
        synchronized (rules) {
            for (LambdaRuleConfig rule : rules) {
                registrar.removeRule(rule.busName(), rule.ruleName());
            }
            rules.clear();
        }
    }
}
