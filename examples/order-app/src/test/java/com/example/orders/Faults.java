package com.example.orders;

import dev.bricks.local.app.FailurePoint;
import dev.bricks.local.app.InvocationFailures;
import dev.bricks.local.app.LocalApp;
import dev.bricks.local.app.LocalAppOptions;

/**
 * The faults {@link ReliabilityIT} runs under, through bricks-local's fault injection: EventBridge delivers each
 * event to {@code updateInventory} 1–3 times, stream pollers hand each batch to their functions 1–2 times, and 5 % of
 * {@code updateInventory} and {@code sendOrderEmail} invocations fail after their handler ran (their effects happened,
 * the trigger retries them anyway).
 */
final class Faults {

    static final double FAILING_SHARE = 0.05;

    private Faults() {}

    static void configure(LocalAppOptions.Builder options) {
        options.faultSeed(16)
                .maxEventBridgeDeliveries(3)
                .maxStreamDeliveries(2)
                .failInvocations(
                        "UpdateInventoryFunction",
                        InvocationFailures.fraction(FAILING_SHARE).at(FailurePoint.AFTER_HANDLER))
                .failInvocations(
                        "SendOrderEmailFunction",
                        InvocationFailures.fraction(FAILING_SHARE).at(FailurePoint.AFTER_HANDLER));
    }

    static String describe(LocalApp app) {
        return app.faults().duplicateEventBridgeDeliveries() + " duplicate EventBridge deliveries, "
                + app.faults().duplicateStreamDeliveries() + " duplicate stream batches, "
                + app.faults().injectedFailures("UpdateInventoryFunction") + " failed updateInventory and "
                + app.faults().injectedFailures("SendOrderEmailFunction") + " failed sendOrderEmail invocations";
    }
}
