package dev.bricks.local.eventbridge;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One PutEvents entry the bus accepted, as told to a {@link PutEventsListener}: the event as targets receive it,
 * the rules it matched (possibly none) and the targets it was handed to for delivery.
 *
 * @param busName the bus' name; never null
 * @param eventId the id the entry got; never null
 * @param source the event's source; never null
 * @param detailType the event's detail type; never null
 * @param envelope the event envelope as JSON ({@code version}, {@code id}, {@code detail-type}, …); never null
 * @param matchedRules the names of the enabled rules of the bus that matched, sorted; empty when none did
 * @param targetArns the ARNs of the matched rules' targets the event is delivered to; empty when none
 * @param callerAccessKeyId the access key id of the request's SigV4 credential; null for an unsigned request
 * @param accepted when the bus accepted the entry; never null
 */
public record AcceptedEvent(
        String busName,
        String eventId,
        String source,
        String detailType,
        String envelope,
        List<String> matchedRules,
        List<String> targetArns,
        String callerAccessKeyId,
        Instant accepted) {

    /** Checks and copies. */
    public AcceptedEvent {
        Objects.requireNonNull(busName, "busName");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(accepted, "accepted");
        matchedRules = List.copyOf(matchedRules);
        targetArns = List.copyOf(targetArns);
    }
}
