package dev.bricks.local.eventbridge;

import java.util.Objects;
import java.util.Optional;

/**
 * One delivery attempt of an event to a target.
 *
 * @param envelopeJson the event as EventBridge hands it to a Lambda target:
 *                     {@code {"version":"0","id":…,"detail-type":…,"source":…,"account":…,"time":…,
 *                     "region":…,"resources":[…],"detail":{…}}}; never null
 * @param traceHeader  the X-Ray trace header the producer sent with the entry ({@code TraceHeader}); on AWS it
 *                     becomes the consumer invocation's trace context. Empty when the producer sent none
 * @param ruleName     the rule that matched, never null
 * @param targetId     the target's id within the rule, never null
 * @param attempt      1 for the first attempt, 2 for the first retry, …
 */
public record DeliveredEvent(
        String envelopeJson, Optional<String> traceHeader, String ruleName, String targetId, int attempt) {

    public DeliveredEvent {
        Objects.requireNonNull(envelopeJson, "envelopeJson");
        Objects.requireNonNull(traceHeader, "traceHeader");
        Objects.requireNonNull(ruleName, "ruleName");
        Objects.requireNonNull(targetId, "targetId");
    }
}
