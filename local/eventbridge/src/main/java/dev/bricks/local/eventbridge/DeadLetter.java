package dev.bricks.local.eventbridge;

import java.time.Instant;

/**
 * An event the bus gave up delivering to one target.
 *
 * @param ruleName     the rule that matched
 * @param targetId     the target's id within the rule
 * @param envelopeJson the envelope that could not be delivered
 * @param reason       why the bus gave up
 * @param attempts     how many delivery attempts were made (0 when there was no target to call)
 * @param lastError    the last failure's class and message, never null
 * @param at           when the event was dead-lettered
 */
public record DeadLetter(
        String ruleName,
        String targetId,
        String envelopeJson,
        Reason reason,
        int attempts,
        String lastError,
        Instant at) {

    /** Why a delivery ended in the dead-letter list. */
    public enum Reason {
        /** The target failed on every one of the policy's attempts. */
        MAX_ATTEMPTS_REACHED,
        /** The next retry would have come later than the policy's maximum event age. */
        MAX_EVENT_AGE_EXCEEDED,
        /** The rule's target ARN names no callback registered with {@link LocalEventBridge#registerTarget}. */
        NO_SUCH_TARGET
    }
}
