package dev.bricks.events;

import dev.bricks.core.Correlation;
import dev.bricks.core.TraceHeader;
import dev.bricks.local.eventbridge.LocalEventBridge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Base of the tests that publish through a fresh started local bus and a real SDK client, one of each per
 * test. After each test both are closed and the thread's correlation id and X-Ray trace property are
 * cleared. Override {@link #busOptions()} to configure the bus; add rules in the subclass's
 * {@code @BeforeEach} (it runs after this class's).
 */
abstract class LocalBusTest {

    LocalEventBridge bus;
    EventBridgeClient client;

    /** The bus each test gets; default {@code LocalEventBridge.builder()}. */
    LocalEventBridge.Builder busOptions() {
        return LocalEventBridge.builder();
    }

    @BeforeEach
    final void startBus() {
        bus = busOptions().build().start();
        client = Fixtures.client(bus);
    }

    @AfterEach
    final void stopBus() {
        Correlation.clear();
        System.clearProperty(TraceHeader.SYSTEM_PROPERTY);
        client.close();
        bus.close();
    }
}
