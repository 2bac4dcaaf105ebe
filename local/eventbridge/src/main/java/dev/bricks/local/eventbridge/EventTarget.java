package dev.bricks.local.eventbridge;

/**
 * A rule target on the local bus: a Java callback that receives each matching event in EventBridge's
 * envelope. Throwing (anything but an {@link Error} that signals a broken JVM) counts as a failed delivery,
 * which the bus retries following the target's {@link DeliveryPolicy} and then dead-letters.
 *
 * <p>Called on the bus' delivery threads, possibly concurrently for different events: implementations must
 * be thread-safe.
 */
@FunctionalInterface
public interface EventTarget {

    /**
     * Handles one delivery attempt.
     *
     * @param event the delivered event, never null
     * @throws Exception to fail this attempt
     */
    void deliver(DeliveredEvent event) throws Exception;
}
